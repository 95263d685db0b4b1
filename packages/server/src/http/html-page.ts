// A browser navigation that cannot be redirected gets core's HTML page (CONTRACT.md §2).
import type { IncomingMessage } from "node:http";
import { type Answer, htmlPage, prefersHtml } from "@webcallback/core";

/** `answer` as the request prefers it: an HTML page for a browser navigation, else unchanged. */
export function forBrowser(req: IncomingMessage, answer: Answer): Answer {
  return answer.body !== undefined && prefersHtml(req.headers.accept) ? htmlPage(answer) : answer;
}
