// A lean form POST over node:http with a keep-alive agent: several times cheaper per request than
// fetch, so a test can keep a server busy, and never retried, so a request is sent at most once.
import { type Agent, request } from "node:http";

export interface PostAnswer {
  readonly status: number;
  readonly body: string;
}

/** Posts `body` as application/x-www-form-urlencoded; rejects on a socket error or after `timeoutMs`. */
export function postForm(url: string, body: string, agent: Agent, timeoutMs = 10_000): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        timeout: timeoutMs,
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        // A response cut off mid-body (the server died) is an error, not an answer.
        res.on("aborted", () => reject(new Error("response aborted")));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}
