// Which requests are browser navigations (Accept ranks text/html first), and the page they get.
import { describe, expect, it } from "vitest";
import { type Answer, acceptedAnswer, errorAnswer } from "../src/answer.js";
import { CATALOGUE } from "../src/generated/catalogue.js";
import { htmlPage, prefersHtml } from "../src/html-page.js";
import { ctlError } from "../src/validate.js";

describe("prefersHtml", () => {
  it.each([
    { accept: undefined, want: false },
    { accept: "*/*", want: false },
    { accept: "application/json", want: false },
    { accept: "application/json, text/html", want: false },
    { accept: "text/html;q=0.5, application/json", want: false },
    // Chromium's and Firefox's navigation headers.
    { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", want: true },
    { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", want: true },
    { accept: "text/html", want: true },
    { accept: "TEXT/HTML; Q=1, application/json; q=0.9", want: true },
    { accept: "text/*", want: true },
    { accept: "text/plain", want: false },
    { accept: "text/html;q=0", want: false },
    // Only a text/ range can rank HTML first: without one, even a */* that would is not read.
    { accept: "*/*, application/json;q=0.5", want: false },
    { accept: "image/*, application/json;q=0.5", want: false },
    { accept: "Text/Plain;q=0.1, */*, application/json;q=0.5", want: true },
  ])("$accept: $want", ({ accept, want }) => {
    expect(prefersHtml(accept)).toBe(want);
  });

  it.each([
    // Parameters other than q are ignored, wherever they stand.
    { accept: "text/html;level=1", want: true },
    { accept: "text/html;format=flowed", want: true },
    { accept: "text/html;charset=utf-8;q=0.5, application/json;q=0.9", want: false },
    { accept: "text/html;q=0.5;level=1, application/json;q=0.9", want: false },
    { accept: "text/html;level=1;q=0.5, application/json;q=0.9", want: false },
    // q in any case, with spaces around the name, the = and the value; the last q counts.
    { accept: "text/html ; q = 0.5 , application/json;q=0.9", want: false },
    { accept: "text/html; Q= 0.9 ,application/json ; q =0.5", want: true },
    { accept: "text/html;q=0.1;q=0.9, application/json;q=0.5", want: true },
    { accept: "text/html;q=0.9;q=0.1, application/json;q=0.5", want: false },
    // An empty q reads 0.
    { accept: "text/html;q=, application/json;q=0.5", want: false },
    { accept: "text/html, application/json;q=", want: true },
  ])("parameters: $accept: $want", ({ accept, want }) => {
    expect(prefersHtml(accept)).toBe(want);
  });

  it.each([
    // A q that is no finite number drops its range.
    { accept: "text/html;q", want: false },
    { accept: "text/html;q=x", want: false },
    { accept: "text/html;q=Infinity", want: false },
    { accept: "text/html, application/json;q", want: true },
    { accept: "text/html, application/json;q=x", want: true },
    { accept: "text/html, application/json;q=Infinity", want: true },
    { accept: "text/html, */*;q=high", want: true },
    // So does a range without a slash or with an empty subtype: this * and */ would give JSON a 1.
    { accept: "text/html;q=0.5, *", want: true },
    { accept: "text/html;q=0.5, */", want: true },
    { accept: "text/html;q=0.5, application", want: true },
    { accept: "text/html;q=0.5, application/", want: true },
    // A range with an empty type matches nothing.
    { accept: "text/html;q=0.5, /json", want: true },
    { accept: "text/html;q=0.5, /*", want: true },
    { accept: "text/, /html", want: false },
    // Empty ranges and spaces are skipped.
    { accept: " , text/html ,, ", want: true },
    // A range with a second slash reads as its first two parts.
    { accept: "text/html/x", want: true },
  ])("malformed ranges: $accept: $want", ({ accept, want }) => {
    expect(prefersHtml(accept)).toBe(want);
  });

  it.each([
    // The most specific range gives the q: exact over type/* over */*, in any order.
    { accept: "text/*;q=0.2, text/html;q=0.9, application/json;q=0.5", want: true },
    { accept: "text/html;q=0.2, text/*;q=0.9, application/json;q=0.5", want: false },
    { accept: "*/*;q=0.9, text/*;q=0.2, application/json;q=0.5", want: false },
    { accept: "text/*;q=0.2, */*;q=0.9, application/json;q=0.1", want: true },
    { accept: "text/html;q=0.5, application/*", want: false },
    { accept: "text/html, application/*;q=0.5", want: true },
    { accept: "text/html, application/*;q=0.5, application/json;q=0", want: true },
    { accept: "text/html;q=0.5, */*", want: false },
    { accept: "text/html, */*;q=0.5", want: true },
    // A type/* matches its own type only, an exact range its own type and subtype only.
    { accept: "text/html;q=0.5, text/json", want: true },
    { accept: "text/html;q=0.5, image/json", want: true },
    { accept: "text/html;q=0.5, image/*", want: true },
    { accept: "text/plain, application/html;q=0.5", want: false },
    // A * type matches whatever its subtype.
    { accept: "text/html;q=0.5, */json", want: false },
    { accept: "text/plain, */plain;q=0.5, application/json;q=0.1", want: true },
    // A */* gives HTML its q when no text range does.
    { accept: "text/plain;q=0.1, */*, application/json;q=0.5", want: true },
    { accept: "text/plain, */*;q=0.5, application/json;q=0.9", want: false },
    { accept: "text/plain, */*;q=0.5", want: false },
    { accept: "text/plain", want: false },
    // Of equally specific ranges, the first counts.
    { accept: "text/html;q=0.5, text/html, application/json;q=0.8", want: false },
    { accept: "text/html, text/html;q=0.5, application/json;q=0.8", want: true },
    { accept: "text/html, application/json;q=0.5, application/json", want: true },
    { accept: "text/html;q=0.8, application/json, application/json;q=0.5", want: false },
    // Equal q is no preference.
    { accept: "text/html;q=0.5, application/json;q=0.5", want: false },
    { accept: "text/*;q=0.5, application/*;q=0.5", want: false },
  ])("specificity and order: $accept: $want", ({ accept, want }) => {
    expect(prefersHtml(accept)).toBe(want);
  });
});

/** What stands between the heading and the end of <main>. */
function mainOf(page: string | undefined): string | undefined {
  return /<\/h1>\n([\s\S]*)\n<\/main>/.exec(page ?? "")?.[1];
}

function jsonAnswer(status: number, body: unknown): Answer {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(body) };
}

const ACCEPTED = "Your callback request was accepted";
const NOT_ACCEPTED = "Your callback request was not accepted";

describe("htmlPage", () => {
  it("states the message of an error with the same status and headers", () => {
    const json = errorAnswer(ctlError(15, { retryAfterSeconds: 5 }), undefined);
    const page = htmlPage(json);
    expect(page.status).toBe(503);
    expect(page.headers).toEqual({ "cache-control": "no-store", "content-type": "text/html; charset=utf-8", "retry-after": "5" });
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain(`<p role="alert">${CATALOGUE[15].message}</p>`);
    expect(page.body).toContain("Error code 15.");
  });

  it("escapes what the request put into a detail", () => {
    const page = htmlPage(errorAnswer(ctlError(101, { detail: 'expected "]" but "<script>" found' }), undefined));
    expect(page.body).not.toContain("<script>");
    expect(page.body).toContain("&quot;&lt;script&gt;&quot;");
  });

  it("states the interaction guid of an accepted request", () => {
    const guid = "0190f3a0-0000-7000-8000-000000000001";
    const page = htmlPage(acceptedAnswer({ status: "accepted", interaction_guid: guid, callback_type: 1 }, undefined));
    expect(page.status).toBe(202);
    expect(page.body).toContain(`<code>${guid}</code>`);
    expect(page.body).toContain('role="status"');
  });

  it("writes the whole page", () => {
    const page = htmlPage(jsonAnswer(202, { status: "accepted", interaction_guid: "g-1", callback_type: 1 }));
    expect(page.body).toBe(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${ACCEPTED}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}code{font-size:1.1em}</style>
</head>
<body>
<main>
<h1>${ACCEPTED}</h1>
<p role="status">We will call you back. Your reference is <code>g-1</code>.</p>
</main>
</body>
</html>
`);
  });

  it.each([
    {
      name: "accepted",
      body: { status: "accepted", interaction_guid: "g-1", callback_type: 1 },
      title: ACCEPTED,
      main: '<p role="status">We will call you back. Your reference is <code>g-1</code>.</p>',
    },
    {
      name: "accepted without a guid",
      body: {},
      title: ACCEPTED,
      main: '<p role="status">We will call you back. Your reference is <code></code>.</p>',
    },
    {
      name: "accepted with a guid that is no string",
      body: { interaction_guid: 42 },
      title: ACCEPTED,
      main: '<p role="status">We will call you back. Your reference is <code>42</code>.</p>',
    },
    {
      name: "accepted with a guid to escape",
      body: { interaction_guid: `<a href="x">&'</a>` },
      title: ACCEPTED,
      main: '<p role="status">We will call you back. Your reference is <code>&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;</code>.</p>',
    },
    {
      name: "an error without a detail",
      body: { ctl_error: 15, message: "Busy." },
      title: NOT_ACCEPTED,
      main: '<p role="alert">Busy.</p>\n<p>Error code 15.</p>',
    },
    {
      name: "an error with a detail",
      body: { ctl_error: 101, message: "Bad.", detail: "phone" },
      title: NOT_ACCEPTED,
      main: '<p role="alert">Bad.</p>\n<p>phone</p>\n<p>Error code 101.</p>',
    },
    {
      name: "an error with an empty detail",
      body: { ctl_error: 101, message: "Bad.", detail: "" },
      title: NOT_ACCEPTED,
      main: '<p role="alert">Bad.</p>\n<p></p>\n<p>Error code 101.</p>',
    },
    {
      name: "an error without a message",
      body: { ctl_error: 3 },
      title: NOT_ACCEPTED,
      main: '<p role="alert"></p>\n<p>Error code 3.</p>',
    },
    {
      name: "an error numbered 0",
      body: { ctl_error: 0, message: "Zero." },
      title: NOT_ACCEPTED,
      main: '<p role="alert">Zero.</p>\n<p>Error code 0.</p>',
    },
    {
      name: "an error with a message and detail to escape",
      body: { ctl_error: 101, message: `a & b's <i>"c"</i>`, detail: `'&'<>"` },
      title: NOT_ACCEPTED,
      main: '<p role="alert">a &amp; b&#39;s &lt;i&gt;&quot;c&quot;&lt;/i&gt;</p>\n<p>&#39;&amp;&#39;&lt;&gt;&quot;</p>\n<p>Error code 101.</p>',
    },
    {
      name: "an error with entities already written",
      body: { ctl_error: 101, message: "&amp; &#39;" },
      title: NOT_ACCEPTED,
      main: '<p role="alert">&amp;amp; &amp;#39;</p>\n<p>Error code 101.</p>',
    },
  ])("$name", ({ body, title, main }) => {
    const page = htmlPage(jsonAnswer(400, body));
    expect(page.body).toContain(`<title>${title}</title>`);
    expect(page.body).toContain(`<h1>${title}</h1>`);
    expect(mainOf(page.body)).toBe(main);
  });

  it.each([
    { status: 202, headers: {}, want: { "content-type": "text/html; charset=utf-8" } },
    {
      status: 429,
      headers: { "Cache-Control": "no-store", "content-type": "application/json", "retry-after": "9" },
      want: { "Cache-Control": "no-store", "content-type": "text/html; charset=utf-8", "retry-after": "9" },
    },
  ])("keeps status $status and the headers, with an HTML content type", ({ status, headers, want }) => {
    const given: Answer = { status, headers, body: JSON.stringify({ ctl_error: 1, message: "m" }) };
    const page = htmlPage(given);
    expect(page.status).toBe(status);
    expect(page.headers).toEqual(want);
    expect(given.headers).toEqual(headers);
  });

  it("leaves a redirect alone", () => {
    const redirect = errorAnswer(ctlError(3), "http://127.0.0.1:9/done");
    expect(htmlPage(redirect)).toBe(redirect);
  });
});
