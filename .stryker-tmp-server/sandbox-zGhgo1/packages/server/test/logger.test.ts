// @ts-nocheck
// Logs never carry a secret: query strings are masked, secret fields redacted.
import { describe, expect, it } from "vitest";
import { createLogger, maskSecrets } from "../src/ops/logger.js";

describe("maskSecrets", () => {
  it.each([
    { given: "/SC/webcallback.php?tenant=Acme&token=abc123&phone=1", want: "/SC/webcallback.php?tenant=Acme&token=***&phone=1" },
    { given: "token=abc123", want: "token=***" },
    { given: "/x?adminToken=s3cret#frag", want: "/x?adminToken=***#frag" },
    { given: "/x?TOKEN=abc", want: "/x?TOKEN=***" },
    { given: "Authorization: Bearer demo-admin-token", want: "Authorization: Bearer ***" },
    { given: "/x?notatoken=1&mytoken=2", want: "/x?notatoken=1&mytoken=2" },
    { given: "/healthz", want: "/healthz" },
  ])("$given", ({ given, want }) => {
    expect(maskSecrets(given)).toBe(want);
  });
});

describe("createLogger", () => {
  it("writes JSON lines with the level as a word, and redacts secret fields", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    log.info({ token: "abc123", params: { token: "abc123", tenant: "Acme" }, headers: { authorization: "Bearer x" } }, "hello");
    log.debug({}, "not written at info");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(line).toMatchObject({
      level: "info",
      msg: "hello",
      token: "***",
      params: { token: "***", tenant: "Acme" },
      headers: { authorization: "***" },
    });
    expect(lines[0]).not.toContain("abc123");
  });
});
