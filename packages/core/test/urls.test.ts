// The URL rules of CONTRACT.md sections 2 and 5: ctl_error on back, allowed back origins
// (no open redirect), allowed callback hosts (no SSRF), all without DNS.
import { describe, expect, it } from "vitest";
import {
  hostMatches,
  isAllowedBack,
  isAllowedCallbackUrl,
  ORIGIN_SHAPE,
  parseCacheUsage,
  parseHttpUrl,
  parseOriginPattern,
  withCtlError,
} from "../src/urls.js";

describe("withCtlError", () => {
  const cases: readonly { readonly name: string; readonly back: string; readonly want: string }[] = [
    { name: "no query", back: "http://www.acmejet.com/ctdresult.php", want: "http://www.acmejet.com/ctdresult.php?ctl_error=3" },
    { name: "existing query", back: "http://a.example/r?x=1", want: "http://a.example/r?x=1&ctl_error=3" },
    { name: "trailing ?", back: "http://a.example/r?", want: "http://a.example/r?ctl_error=3" },
    { name: "trailing &", back: "http://a.example/r?x=1&", want: "http://a.example/r?x=1&ctl_error=3" },
    { name: "fragment", back: "http://a.example/r#top", want: "http://a.example/r?ctl_error=3#top" },
    { name: "query and fragment", back: "http://a.example/r?x=1#top", want: "http://a.example/r?x=1&ctl_error=3#top" },
    { name: "? inside the fragment", back: "http://a.example/r#a?b", want: "http://a.example/r?ctl_error=3#a?b" },
    { name: "empty fragment", back: "http://a.example/r#", want: "http://a.example/r?ctl_error=3#" },
    { name: "no path", back: "http://a.example", want: "http://a.example?ctl_error=3" },
    { name: "query that is only ?", back: "http://a.example/r??", want: "http://a.example/r??&ctl_error=3" },
    { name: "earlier ctl_error kept", back: "http://a.example/r?ctl_error=1", want: "http://a.example/r?ctl_error=1&ctl_error=3" },
  ];
  it.each(cases)("$name", ({ back, want }) => {
    expect(withCtlError(back, 3)).toBe(want);
  });

  it("keeps the URL a URL: the code is read back from the query", () => {
    for (const { back } of cases) expect(new URL(withCtlError(back, 104)).searchParams.getAll("ctl_error").at(-1)).toBe("104");
  });
});

describe("parseHttpUrl", () => {
  const cases: readonly { readonly name: string; readonly value: string; readonly want: { hostname: string; port: string } | undefined }[] =
    [
      { name: "http", value: "http://www.acmejet.com/x", want: { hostname: "www.acmejet.com", port: "" } },
      { name: "https with port", value: "https://Example.COM:8443/", want: { hostname: "example.com", port: "8443" } },
      { name: "default port dropped", value: "https://example.com:443/", want: { hostname: "example.com", port: "" } },
      { name: "IPv6 keeps brackets", value: "http://[::1]:8080/", want: { hostname: "[::1]", port: "8080" } },
      { name: "relative", value: "/x", want: undefined },
      { name: "ftp", value: "ftp://example.com/", want: undefined },
      { name: "mailto", value: "mailto:a@example.com", want: undefined },
      { name: "garbage", value: "http://", want: undefined },
      // Browsers read these against the current page, not as the host the URL parser sees.
      { name: "no slashes after the scheme", value: "http:localhost/a", want: undefined },
      { name: "one slash after the scheme", value: "http:/localhost/a", want: undefined },
      { name: "backslash before @", value: "http://localhost\\@evil.example/", want: undefined },
      // The absolute-http check is anchored: a later `http://` in the query does not make the URL absolute.
      { name: "no slashes, http:// only in the query", value: "http:www.acmejet.com/?u=http://x", want: undefined },
      { name: "upper-case scheme", value: "HTTP://Example.com/", want: { hostname: "example.com", port: "" } },
    ];
  it.each(cases)("$name", ({ value, want }) => {
    const url = parseHttpUrl(value);
    expect(url === undefined ? undefined : { hostname: url.hostname, port: url.port }).toEqual(want);
  });

  it("answers the same from its cache", () => {
    expect(parseHttpUrl("http://cache.example/")).toEqual(parseHttpUrl("http://cache.example/"));
    expect(parseHttpUrl("nope")).toBeUndefined();
    expect(parseHttpUrl("nope")).toBeUndefined();
  });
});

describe("parseHttpUrl's cache: bounded by entries and by characters", () => {
  const ENTRIES = 512;
  const CHARS = 512 * 1024;
  const LONGEST = 2048;
  let serial = 0;
  /** A URL never parsed before, `length` characters long, that the parser serialises as written. */
  const freshUrl = (length: number): string => {
    const start = `http://c.example/${serial++}/`;
    return start + "a".repeat(length - start.length);
  };
  /** A string never parsed before, `length` characters long, that is no URL. */
  const freshNonUrl = (length: number): string => {
    const start = `${serial++}:`;
    return (start + "z".repeat(length)).slice(0, length);
  };
  /** Fills the cache with fresh short URLs until it starts over; it then holds the last one alone. */
  const startOver = (): void => {
    for (let i = 0; i <= ENTRIES; i++) {
      parseHttpUrl(freshUrl(30));
      if (parseCacheUsage().entries === 1) return;
    }
    throw new Error(`the cache never started over: ${JSON.stringify(parseCacheUsage())}`);
  };

  it("counts a URL's own characters and its href's, a non-URL's own alone", () => {
    startOver();
    const before = parseCacheUsage();
    const url = freshUrl(40);
    parseHttpUrl(url);
    expect(parseCacheUsage()).toEqual({ entries: before.entries + 1, chars: before.chars + 2 * url.length });
    const nonUrl = freshNonUrl(25);
    parseHttpUrl(nonUrl);
    expect(parseCacheUsage()).toEqual({ entries: before.entries + 2, chars: before.chars + 2 * url.length + nonUrl.length });
  });

  it("counts nothing again for a value it already holds", () => {
    startOver();
    const url = freshUrl(50);
    parseHttpUrl(url);
    const after = parseCacheUsage();
    expect(parseHttpUrl(url)?.href).toBe(url);
    expect(parseCacheUsage()).toEqual(after);
  });

  it(`caches values of up to ${LONGEST} characters, never a longer one`, () => {
    startOver();
    const before = parseCacheUsage();
    parseHttpUrl(freshUrl(LONGEST + 1));
    parseHttpUrl(freshNonUrl(LONGEST + 1));
    expect(parseCacheUsage()).toEqual(before);
    parseHttpUrl(freshUrl(LONGEST));
    expect(parseCacheUsage()).toEqual({ entries: before.entries + 1, chars: before.chars + 2 * LONGEST });
  });

  it(`holds ${ENTRIES} entries at most, then starts over`, () => {
    startOver();
    for (let i = 1; i < ENTRIES; i++) parseHttpUrl(freshUrl(30));
    expect(parseCacheUsage()).toEqual({ entries: ENTRIES, chars: ENTRIES * 2 * 30 });
    parseHttpUrl(freshUrl(30));
    expect(parseCacheUsage()).toEqual({ entries: 1, chars: 2 * 30 });
  });

  it(`holds ${CHARS} characters at most, then starts over`, () => {
    startOver();
    // Up to exactly the bound: whole URLs of the longest kind, then two non-URLs for the rest.
    while (CHARS - parseCacheUsage().chars >= 2 * LONGEST) parseHttpUrl(freshUrl(LONGEST));
    const rest = CHARS - parseCacheUsage().chars;
    parseHttpUrl(freshNonUrl(Math.ceil(rest / 2)));
    parseHttpUrl(freshNonUrl(Math.floor(rest / 2)));
    const full = parseCacheUsage();
    expect(full.chars).toBe(CHARS);
    expect(full.entries).toBeLessThan(ENTRIES);
    // One character more does not fit.
    parseHttpUrl(freshNonUrl(1));
    expect(parseCacheUsage()).toEqual({ entries: 1, chars: 1 });
  });
});

describe("ORIGIN_SHAPE: scheme, host and port, nothing before or after", () => {
  it.each([
    { given: "http://www.acmejet.com", want: true },
    { given: "HTTPS://a.example:8443", want: true },
    { given: "http://localhost:*", want: true },
    { given: "x http://a.example", want: false },
    { given: "http://a.example/", want: false },
    { given: "http://a.example?x", want: false },
    { given: "http://a.example#x", want: false },
    { given: "http://a example", want: false },
    { given: "ftp://a.example", want: false },
    { given: "http://", want: false },
  ])("$given → $want", ({ given, want }) => {
    expect(ORIGIN_SHAPE.test(given)).toBe(want);
  });
});

describe("parseOriginPattern", () => {
  it.each([
    { given: "http://www.acmejet.com", want: { origin: "http://www.acmejet.com", anyPort: false } },
    { given: "http://localhost:*", want: { origin: "http://localhost", anyPort: true } },
    { given: "https://secure.example:8443", want: { origin: "https://secure.example:8443", anyPort: false } },
    { given: "http://www.acmejet.com/", want: undefined },
    { given: "http://www.acmejet.com/path", want: undefined },
    { given: "http://localhost:8080:*", want: undefined },
    { given: "https://example.com:443", want: undefined },
    { given: "ftp://example.com", want: undefined },
    { given: "localhost:*", want: undefined },
  ])("$given", ({ given, want }) => {
    const pattern = parseOriginPattern(given);
    expect(pattern === undefined ? undefined : { origin: pattern.origin, anyPort: pattern.anyPort }).toEqual(want);
  });
});

describe("isAllowedBack", () => {
  const origins = ["http://www.acmejet.com", "http://localhost:*", "https://secure.example:8443"];
  const cases: readonly { readonly name: string; readonly back: string; readonly want: boolean }[] = [
    { name: "listed origin", back: "http://www.acmejet.com/ctdresult.php", want: true },
    { name: "listed origin, upper-case host", back: "http://WWW.ACMEJET.COM/r", want: true },
    { name: "listed origin, default port spelled out", back: "http://www.acmejet.com:80/r", want: true },
    { name: "listed origin, other port", back: "http://www.acmejet.com:81/r", want: false },
    { name: "listed host, other scheme", back: "https://www.acmejet.com/r", want: false },
    { name: "listed port", back: "https://secure.example:8443/r", want: true },
    { name: "listed host, default port instead of listed", back: "https://secure.example/r", want: false },
    { name: ":* any port", back: "http://localhost:5173/r", want: true },
    { name: ":* no port", back: "http://localhost/r", want: true },
    { name: ":* other scheme", back: "https://localhost:5173/r", want: false },
    { name: ":* other host", back: "http://localhost.evil.invalid:5173/r", want: false },
    { name: "subdomain", back: "http://a.www.acmejet.com/", want: false },
    { name: "suffix match", back: "http://evilwww.acmejet.com/", want: false },
    { name: "userinfo trick", back: "http://www.acmejet.com@evil.invalid/", want: false },
    { name: "listed origin in the query", back: "http://evil.invalid/?http://www.acmejet.com", want: false },
    { name: "scheme-relative", back: "//www.acmejet.com/", want: false },
    { name: "relative", back: "/ctdresult.php", want: false },
    { name: "javascript:", back: "javascript:alert(1)", want: false },
    { name: "data:", back: "data:text/html,hi", want: false },
    { name: "line feed inside", back: "http://www.acmejet.com/r\nx", want: false },
    { name: "CR LF header injection", back: "http://www.acmejet.com/r\r\nSet-Cookie: a=1", want: false },
    { name: "tab inside the host", back: "http://www.acme\tjet.com/", want: false },
    { name: "NUL", back: "http://www.acmejet.com/\u0000", want: false },
    { name: "unit separator U+001F", back: "http://www.acmejet.com/\u001f", want: false },
    { name: "DEL", back: "http://www.acmejet.com/r\u007f", want: false },
    { name: "a space is no control character", back: "http://www.acmejet.com/a b", want: true },
    // Open redirect: browsers read `http:host/...` as a path relative to the current page.
    { name: "open redirect: http: without slashes, http:// in the query", back: "http:www.acmejet.com/?u=http://x", want: false },
  ];
  it.each(cases)("$name → $want", ({ back, want }) => {
    expect(isAllowedBack(back, origins)).toBe(want);
  });

  it("allows nothing when nothing is listed, and ignores entries that are no origin", () => {
    expect(isAllowedBack("http://www.acmejet.com/", [])).toBe(false);
    expect(isAllowedBack("http://www.acmejet.com/", ["www.acmejet.com", "*"])).toBe(false);
  });
});

describe("hostMatches", () => {
  const cases: readonly { readonly host: string; readonly allowed: string; readonly want: boolean }[] = [
    { host: "mywebporter.com", allowed: "mywebporter.com", want: true },
    { host: "mywebporter.com", allowed: "MyWebPorter.com", want: true },
    { host: "api.mywebporter.com", allowed: "mywebporter.com", want: false },
    { host: "api.mywebporter.com", allowed: "*.mywebporter.com", want: true },
    { host: "a.b.mywebporter.com", allowed: "*.mywebporter.com", want: true },
    { host: "mywebporter.com", allowed: "*.mywebporter.com", want: false },
    { host: "evilmywebporter.com", allowed: "*.mywebporter.com", want: false },
    { host: ".mywebporter.com", allowed: "*.mywebporter.com", want: false },
  ];
  it.each(cases)("$host against $allowed → $want", ({ host, allowed, want }) => {
    expect(hostMatches(host, allowed)).toBe(want);
  });
});

describe("isAllowedCallbackUrl", () => {
  const open = { allowedCallbackHosts: ["mywebporter.com", "localhost", "127.0.0.1", "*.hooks.example"], allowPrivateCallbackHosts: true };
  const closed = { allowedCallbackHosts: open.allowedCallbackHosts, allowPrivateCallbackHosts: false };
  const unset = { allowedCallbackHosts: open.allowedCallbackHosts };
  const cases: readonly { readonly name: string; readonly url: string; readonly open: boolean; readonly closed: boolean }[] = [
    { name: "allowed host", url: "https://mywebporter.com/callback.php", open: true, closed: true },
    { name: "wildcard host", url: "https://a.hooks.example/x", open: true, closed: true },
    { name: "not listed", url: "https://elsewhere.invalid/hook", open: false, closed: false },
    { name: "localhost", url: "http://localhost:8081/hook", open: true, closed: false },
    { name: "loopback IP", url: "http://127.0.0.1/hook", open: true, closed: false },
    { name: "loopback IP in hex is the same host", url: "http://0x7f.0.0.1/hook", open: true, closed: false },
    { name: "not http", url: "ftp://mywebporter.com/x", open: false, closed: false },
    { name: "file", url: "file:///etc/passwd", open: false, closed: false },
    { name: "no scheme", url: "mywebporter.com/x", open: false, closed: false },
  ];
  it.each(cases)("$name", ({ url, open: whenOpen, closed: whenClosed }) => {
    expect(isAllowedCallbackUrl(url, open)).toBe(whenOpen);
    expect(isAllowedCallbackUrl(url, closed)).toBe(whenClosed);
    expect(isAllowedCallbackUrl(url, unset), "private hosts are refused unless allowed explicitly").toBe(whenClosed);
  });

  it("refuses a listed private address unless the tenant allows private hosts", () => {
    const policy = { allowedCallbackHosts: ["10.1.2.3", "[fd00::1]", "169.254.169.254", "255.255.255.255"] };
    for (const url of ["http://10.1.2.3/", "http://[fd00::1]/", "http://169.254.169.254/latest/meta-data/", "http://255.255.255.255/"]) {
      expect(isAllowedCallbackUrl(url, policy), url).toBe(false);
      expect(isAllowedCallbackUrl(url, { ...policy, allowPrivateCallbackHosts: true }), url).toBe(true);
    }
  });
});
