// A browser navigation that cannot be redirected (no back, a back that is not allowed, 15)
// gets a small accessible HTML page with the same status instead of raw JSON (CONTRACT.md §2).
// Pure, so the server and the mock give the same page.
import type { Answer } from "./answer.js";

const HTML_TYPE = "text/html; charset=utf-8";
const TEXT_RANGE = /text\//i;

interface Range {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

/** split() gives at least one piece, so the first is always there. */
type Pieces = [string, ...string[]];

function parseAccept(accept: string): Range[] {
  // Stryker disable next-line ArrayDeclaration: an entry that is no range has no type, so it matches nothing
  const ranges: Range[] = [];
  for (const part of accept.split(",")) {
    const [media, ...params] = part.split(";") as Pieces;
    const [type, subtype = ""] = media.trim().toLowerCase().split("/") as Pieces;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split("=") as Pieces;
      // Number() trims the value itself and reads a missing one as NaN.
      if (name.trim().toLowerCase() === "q") q = Number(value);
    }
    // An empty type needs no test: quality() asks only for text, application and *, which it never matches.
    if (subtype !== "" && Number.isFinite(q)) ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** The q the most specific range matching `type/subtype` gives it (0 when none matches). */
function quality(ranges: readonly Range[], type: string, subtype: string): number {
  let best = -1;
  let q = 0;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === "*" ? 1 : range.type === "*" ? 0 : -1;
    if (specificity > best) {
      best = specificity;
      q = range.q;
    }
  }
  return q;
}

/** Whether an Accept header ranks text/html above application/json (a browser navigation does). */
export function prefersHtml(accept: string | undefined): boolean {
  // Programs send no Accept, */* or application/json; only a text/ range can rank HTML first.
  if (!accept?.match(TEXT_RANGE)) return false;
  const ranges = parseAccept(accept);
  return quality(ranges, "text", "html") > quality(ranges, "application", "json");
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}code{font-size:1.1em}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

interface JsonAnswerBody {
  readonly ctl_error?: number;
  readonly message?: string;
  readonly detail?: string;
  readonly interaction_guid?: string;
}

/** The same answer (status and headers) as an HTML page: the message, or the guid on success. */
export function htmlPage(answer: Answer): Answer {
  if (answer.body === undefined) return answer;
  const body = JSON.parse(answer.body) as JsonAnswerBody;
  let html: string;
  if (body.ctl_error === undefined) {
    html = page(
      "Your callback request was accepted",
      `<p role="status">We will call you back. Your reference is <code>${escapeHtml(String(body.interaction_guid ?? ""))}</code>.</p>`,
    );
  } else {
    const detail = body.detail === undefined ? "" : `\n<p>${escapeHtml(body.detail)}</p>`;
    html = page(
      "Your callback request was not accepted",
      `<p role="alert">${escapeHtml(String(body.message ?? ""))}</p>${detail}\n<p>Error code ${body.ctl_error}.</p>`,
    );
  }
  return { status: answer.status, headers: { ...answer.headers, "content-type": HTML_TYPE }, body: html };
}
