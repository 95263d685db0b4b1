// Token hashes: the format pasted into a configuration file and its parsing.
import { describe, expect, it } from "vitest";
import { hashToken, isTokenHash, parseTokenHash, tokenDigest } from "../src/config/token-hash.js";

describe("hashToken", () => {
  it.each([
    // SHA-256 test vectors (FIPS 180-2).
    { given: "abc", want: "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { given: "", want: "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
  ])("$given -> $want", ({ given, want }) => {
    expect(hashToken(given)).toBe(want);
  });

  it("hashes UTF-8", () => {
    expect(hashToken("é")).toBe(`sha256:${Buffer.from(tokenDigest("é")).toString("hex")}`);
    expect(tokenDigest("é")).toHaveLength(32);
  });
});

describe("parseTokenHash", () => {
  it("round-trips", () => {
    expect(parseTokenHash(hashToken("abc")).equals(tokenDigest("abc"))).toBe(true);
  });

  it.each([
    { name: "a plain token", given: "fb65d0515b9631c6db72e7e66fe6df49" },
    { name: "upper-case hex", given: hashToken("abc").toUpperCase() },
    { name: "another algorithm", given: `md5:${"0".repeat(64)}` },
    { name: "too short", given: "sha256:abcd" },
  ])("refuses $name", ({ given }) => {
    expect(isTokenHash(given)).toBe(false);
    expect(() => parseTokenHash(given)).toThrow(new RangeError("a token hash is sha256: followed by 64 lower-case hex digits"));
  });
});
