// The reference site's pages (scripts/docs/render-site.ts): x- extensions become tables with
// every value escaped, unknown lists get a generic table, and nothing in a document can close
// the <script> element the document travels in.
import { describe, expect, it } from "vitest";
import { escapeHtml, extensionTable, renderSite } from "../scripts/docs/render-site.ts";

describe("extensionTable", () => {
  it.each([
    {
      name: "the error catalogue, in the catalogue's column order",
      key: "x-webcallback-errors",
      value: [{ status: 403, message: "Tenant not enabled.", name: "TENANT_NOT_ENABLED", code: 1 }],
      want: [
        "# Error catalogue",
        '<table data-extension="x-webcallback-errors"><thead><tr><th>code</th><th>name</th><th>message</th><th>status</th></tr></thead>',
        "<td><code>1</code></td><td><code>TENANT_NOT_ENABLED</code></td><td>Tenant not enabled.</td><td>403</td>",
      ],
    },
    {
      name: "tokens, written as they appear in a value",
      key: "x-webcallback-tokens",
      value: [{ name: "equal", description: "A literal equals sign", format: "=" }],
      want: ["# Tokens", "<td><code>$equal$</code></td>"],
    },
    {
      name: "the CORS headers, names as code",
      key: "x-webcallback-cors",
      value: [{ sentOn: "preflight", value: "600", header: "Access-Control-Max-Age" }],
      want: ["# CORS headers", "<td><code>Access-Control-Max-Age</code></td><td>600</td><td>preflight</td>"],
    },
    {
      name: "the order of checks, codes joined",
      key: "x-webcallback-order-of-checks",
      value: [{ step: 8, rule: "type 1", when: "1", codes: [12, 13, 11] }],
      want: ["# Order of checks", "<td>8</td><td>type 1</td><td>1</td><td>12, 13, 11</td>"],
    },
    {
      name: "an unknown list, with the union of its keys",
      key: "x-simulator-outcomes",
      value: [{ outcome: "busy" }, { outcome: "answered", seconds: 30 }],
      want: ["# x-simulator-outcomes", "<th>outcome</th><th>seconds</th>", "<td>busy</td><td></td>"],
    },
    {
      name: "anything but a list of records, as JSON",
      key: "x-limits",
      value: { max: 3 },
      want: ['<pre data-extension="x-limits"><code>{\n  &#34;max&#34;: 3\n}</code></pre>'],
    },
    {
      name: "markup in a value, escaped",
      key: "x-notes",
      value: [{ note: "<script>alert(1)</script> & more" }],
      want: ["<td>&#60;script&#62;alert(1)&#60;/script&#62; &#38; more</td>"],
    },
  ])("$name", ({ key, value, want }) => {
    const html = extensionTable(key, value);
    for (const part of want) expect(html).toContain(part);
    // marked ends an HTML block at a blank line: the table is one line.
    expect(html.slice(html.indexOf("<table")).trim()).not.toContain("\n");
  });
});

describe("renderSite", () => {
  const hostile = "</script><script>alert(1)</script>\u2028";
  const files = renderSite({
    documents: [
      {
        file: "webcallback.yaml",
        document: { info: { title: "Main", description: hostile }, "x-webcallback-tokens": [] },
        source: "a: 1\n",
      },
      { file: "simulator.yaml", document: { info: { title: "Sim" } }, source: "b: 2\n" },
    ],
    main: "webcallback.yaml",
    grammar: "Start = 'a' // <b>",
    redoc: "/* redoc */",
    redocLicense: "MIT",
    redocVersion: "2.5.4",
  });

  it("writes a page per document, the main one as index.html, and the sources beside them", () => {
    expect([...files.keys()].sort()).toEqual(
      [
        "VERSION.txt",
        "index.html",
        "redoc.standalone.js",
        "redoc.standalone.js.LICENSE.txt",
        "simulator.html",
        "simulator.yaml",
        "userdata.peggy",
        "webcallback.yaml",
      ].sort(),
    );
  });

  it("loads nothing but our own files", () => {
    for (const name of ["index.html", "simulator.html"]) {
      const page = files.get(name) ?? "";
      const sources = [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) expect(source?.startsWith("/docs/")).toBe(true);
    }
  });

  it("keeps the document inside its <script> element", () => {
    const page = files.get("index.html") ?? "";
    const spec = page.slice(page.indexOf('<script id="spec"'), page.indexOf('<script src="/docs/redoc.standalone.js">'));
    expect(spec.match(/<\/script>/g)).toHaveLength(1);
    expect(spec).not.toContain("\u2028");
    const json = spec.slice(spec.indexOf(">") + 1, spec.lastIndexOf("</script>"));
    expect((JSON.parse(json) as { info: { description: string } }).info.description).toContain(hostile);
  });

  it("carries the grammar, escaped, on the main page only", () => {
    expect(files.get("index.html")).toContain(escapeHtml("Start = 'a' // <b>"));
    expect(files.get("simulator.html")).not.toContain("data-grammar");
  });
});
