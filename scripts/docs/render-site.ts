// The pages of the offline API reference: one Redoc page per OpenAPI document, each with its
// `x-` extensions appended to the description as HTML tables (Redoc does not render them),
// and the pair-list grammar on the page of the document that uses it.

export interface SiteDocument {
  /** File name under openapi/, e.g. `webcallback.yaml`. */
  readonly file: string;
  /** The bundled document (every $ref internal). */
  readonly document: Record<string, unknown>;
  /** The YAML as written, served beside the page for download. */
  readonly source: string;
}

export interface SiteInput {
  readonly documents: readonly SiteDocument[];
  /** The main document's file name; its page is index.html. */
  readonly main: string;
  /** grammar/userdata.peggy as written. */
  readonly grammar: string;
  /** Redoc's standalone bundle, already checked to load nothing from elsewhere. */
  readonly redoc: string;
  readonly redocLicense: string;
  readonly redocVersion: string;
}

/** Titles and column order for the extensions we know; any other `x-` list gets a generic table. */
const KNOWN_EXTENSIONS: Readonly<Record<string, { title: string; intro: string; columns: readonly string[] }>> = {
  "x-webcallback-errors": {
    title: "Error catalogue",
    intro: "Every `ctl_error` code, its message and HTTP status. Codes of 100 or more are extensions of ours.",
    columns: ["code", "name", "message", "status", "extension", "retryAfter", "alwaysJson"],
  },
  "x-webcallback-order-of-checks": {
    title: "Order of checks",
    intro: "The first check that fails decides the answer; within a step the codes are checked in the order given.",
    columns: ["step", "rule", "when", "codes"],
  },
  "x-webcallback-cors": {
    title: "CORS headers",
    intro: "The fixed CORS headers: sent on `answers` to an Origin a tenant lists, or on the `preflight` answer (`OPTIONS`, 204).",
    columns: ["header", "value", "sentOn"],
  },
  "x-webcallback-tokens": {
    title: "Tokens",
    intro: "The `$token$` placeholders a user-data value may carry, replaced when the result is posted.",
    columns: ["name", "description", "format"],
  },
};

const GRAMMAR_USER = "webcallback.yaml";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function cell(column: string, value: unknown, extension: string): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((item) => escapeHtml(String(item))).join(", ");
  if (typeof value === "object") return `<code>${escapeHtml(JSON.stringify(value))}</code>`;
  const text = escapeHtml(String(value));
  if (extension === "x-webcallback-tokens" && column === "name") return `<code>$${text}$</code>`;
  return column === "name" || column === "code" || column === "header" ? `<code>${text}</code>` : text;
}

/** An `x-` extension that is a list of flat records becomes a table; anything else is shown as JSON. */
export function extensionTable(key: string, value: unknown): string {
  const known = KNOWN_EXTENSIONS[key];
  const title = known?.title ?? key;
  const heading = `# ${title}\n\n${known ? `${known.intro} From \`${key}\`.` : `From \`${key}\`.`}\n\n`;
  const rows = Array.isArray(value) ? value : undefined;
  if (rows === undefined || !rows.every((row) => typeof row === "object" && row !== null && !Array.isArray(row))) {
    return `${heading}<pre data-extension="${escapeHtml(key)}"><code>${escapeHtml(JSON.stringify(value, null, 2))}</code></pre>\n`;
  }
  const records = rows as Record<string, unknown>[];
  const columns = [...(known?.columns ?? [])];
  for (const record of records) for (const column of Object.keys(record)) if (!columns.includes(column)) columns.push(column);
  const used = columns.filter((column) => records.some((record) => record[column] !== undefined));
  const head = `<thead><tr>${used.map((column) => `<th>${escapeHtml(column)}</th>`).join("")}</tr></thead>`;
  const body = records
    .map((record) => `<tr>${used.map((column) => `<td>${cell(column, record[column], key)}</td>`).join("")}</tr>`)
    .join("");
  // One line: a blank line would end marked's HTML block and break the table apart.
  return `${heading}<table data-extension="${escapeHtml(key)}">${head}<tbody>${body}</tbody></table>\n`;
}

function pageOf(file: string, main: string): string {
  return file === main ? "index.html" : `${file.replace(/\.ya?ml$/, "")}.html`;
}

function grammarSection(grammar: string): string {
  return `# Pair-list grammar

The syntax of \`ctl_userdata\` and \`extTransactionData\` (\`[name|value]\` lists) and of the
\`$token$\` placeholders in user-data values, as the server parses it. This Peggy grammar is the
source the parser is generated from; <a href="/docs/userdata.peggy">download it</a>.

<pre data-grammar="userdata.peggy"><code>${escapeHtml(grammar)}</code></pre>
`;
}

function documentsSection(input: SiteInput, current: string): string {
  const items = input.documents.map((doc) => {
    const info = (doc.document.info ?? {}) as { title?: string };
    const title = escapeHtml(info.title ?? doc.file);
    const link = doc.file === current ? `<strong>${title}</strong>` : `<a href="/docs/${pageOf(doc.file, input.main)}">${title}</a>`;
    return `<li>${link} (<a href="/docs/${escapeHtml(doc.file)}">${escapeHtml(doc.file)}</a>)</li>`;
  });
  return `# Documents on this site\n\n<ul data-documents>${items.join("")}</ul>\n`;
}

/** A copy of the document whose description also carries the site's sections. */
function augmented(input: SiteInput, doc: SiteDocument): Record<string, unknown> {
  const copy = structuredClone(doc.document);
  const info = { ...((copy.info ?? {}) as Record<string, unknown>) };
  const sections = [typeof info.description === "string" ? info.description : "", documentsSection(input, doc.file)];
  for (const [key, value] of Object.entries(copy)) if (key.startsWith("x-")) sections.push(extensionTable(key, value));
  if (doc.file === GRAMMAR_USER) sections.push(grammarSection(input.grammar));
  info.description = sections.join("\n\n");
  copy.info = info;
  return copy;
}

/** JSON inside a <script> element: nothing in it can close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function page(input: SiteInput, doc: SiteDocument): string {
  const title = escapeHtml(((doc.document.info ?? {}) as { title?: string }).title ?? doc.file);
  const options = { hideDownloadButton: false, expandResponses: "200,202", jsonSampleExpandLevel: 3, sortPropsAlphabetically: false };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — API reference</title>
<style>
body { margin: 0; }
table[data-extension] { font-size: 13px; }
table[data-extension] td, table[data-extension] th { vertical-align: top; }
table[data-extension] code { white-space: nowrap; word-break: keep-all; }
</style>
</head>
<body>
<noscript>This reference is drawn by Redoc and needs JavaScript. The document itself: <a href="/docs/${escapeHtml(doc.file)}">${escapeHtml(doc.file)}</a>.</noscript>
<div id="redoc"></div>
<script id="spec" type="application/json">${scriptJson(augmented(input, doc))}</script>
<script src="/docs/redoc.standalone.js"></script>
<script>
Redoc.init(JSON.parse(document.getElementById("spec").textContent), ${JSON.stringify(options)}, document.getElementById("redoc"));
</script>
</body>
</html>
`;
}

/** Every file of the site by its path under /docs/. */
export function renderSite(input: SiteInput): Map<string, string> {
  const files = new Map<string, string>();
  for (const doc of input.documents) {
    files.set(pageOf(doc.file, input.main), page(input, doc));
    files.set(doc.file, doc.source);
  }
  files.set("userdata.peggy", input.grammar);
  files.set("redoc.standalone.js", input.redoc);
  files.set("redoc.standalone.js.LICENSE.txt", input.redocLicense);
  files.set("VERSION.txt", `Redoc ${input.redocVersion}\n`);
  return files;
}
