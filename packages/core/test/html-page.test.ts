// Which requests are browser navigations (Accept ranks text/html first), and the page they get.
import { describe, expect, it } from "vitest";
import { acceptedAnswer, errorAnswer } from "../src/answer.js";
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
  ])("$accept: $want", ({ accept, want }) => {
    expect(prefersHtml(accept)).toBe(want);
  });
});

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

  it("leaves a redirect alone", () => {
    const redirect = errorAnswer(ctlError(3), "http://127.0.0.1:9/done");
    expect(htmlPage(redirect)).toBe(redirect);
  });
});
