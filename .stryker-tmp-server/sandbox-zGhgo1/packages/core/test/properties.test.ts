// @ts-nocheck
// Properties over generated inputs: pair lists round-trip, and nothing a client sends makes
// the parser or the validator throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../src/generated/catalogue.js";
import { REQUEST_EXAMPLES } from "../src/generated/examples.js";
import { PARAMETERS } from "../src/generated/rules.js";
import { formatUserData, type Pair, parseUserData } from "../src/pairs.js";
import type { RequestParams } from "../src/request.js";
import { validateRequest } from "../src/validate.js";
import { ACME, brokenDirectory, demoDirectory } from "./fixtures/demo-directory.js";

// Units that matter to the grammar, mixed with any code point (lone surrogates included).
const unit = fc.oneof(
  fc.constantFrom("[", "]", "|", "$", " ", "\t", "\r\n", "ctl_", "😀", "\u00a0"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit, maxLength: 30 });

const pairName = text.map((s) => s.replace(/[[\]|]/g, "")).filter((s) => s.length > 0);
const pairValue = text.map((s) => s.replaceAll("]", ""));
const pairs = fc.array(fc.record({ name: pairName, value: pairValue }), { maxLength: 8 });
const whiteSpace = fc.string({ unit: fc.constantFrom(" ", "\t", "\r", "\n"), maxLength: 3 });

describe("pair lists", () => {
  it("parseUserData(formatUserData(x)) is x", () => {
    fc.assert(
      fc.property(pairs, (list: Pair[]) => {
        expect(parseUserData(formatUserData(list))).toEqual({ ok: true, pairs: list });
      }),
      { numRuns: 1000 },
    );
  });

  it("white space between and around pairs changes nothing", () => {
    fc.assert(
      fc.property(pairs, fc.array(whiteSpace, { minLength: 9, maxLength: 9 }), (list, gaps) => {
        const spaced = list.map((pair, i) => `${gaps[i] ?? ""}${formatUserData([pair])}`).join("") + (gaps[8] ?? "");
        expect(parseUserData(spaced)).toEqual({ ok: true, pairs: list });
      }),
    );
  });

  it("parseUserData never throws, and a problem points inside the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.string({ unit: "binary" }),
          pairs.map(formatUserData).map((s) => s.slice(0, -1)),
        ),
        (input) => {
          const result = parseUserData(input);
          if (result.ok) {
            // What parses is what formatUserData can write again.
            expect(parseUserData(formatUserData(result.pairs))).toEqual(result);
            return;
          }
          const { offset, excerpt, message } = result.problem;
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(input.length);
          expect(message.startsWith(`at offset ${offset}: expected `)).toBe(true);
          expect(excerpt.split("\n")).toHaveLength(2);
          expect(excerpt.endsWith("^")).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("validateRequest", () => {
  const names = [...PARAMETERS.map((parameter) => parameter.name), "Tenant", "ctl_error", "__proto__", "constructor"];
  const realistic = fc.constantFrom(
    ...Object.values(REQUEST_EXAMPLES).flatMap((example) => Object.values(example.value)),
    "Globex",
    "Initech",
    "01",
    "-1",
    "Anonymous",
    "1e3",
    "http://localhost:3000/",
    "[ctl_callbackUrl|http://127.0.0.1/]",
    ACME.tokens[0] ?? "",
  );
  const value = fc.oneof(realistic, text, fc.string({ unit: "binary", maxLength: 600 }));
  const params = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 })), value, { maxKeys: 16 });
  // Mostly a valid example with some parameters replaced, so the later checks are reached too.
  const nearlyValid = fc
    .tuple(fc.constantFrom(...Object.values(REQUEST_EXAMPLES).map((example) => example.value)), params)
    .map(([example, changes]): RequestParams => ({ ...example, ...changes }));
  const request = fc.oneof(params, nearlyValid);

  it("never throws, and always answers a catalogue code or a request", () => {
    fc.assert(
      fc.property(request, fc.boolean(), (given, available) => {
        const result = validateRequest(given, demoDirectory, { available });
        if (!result.ok) {
          expect(CATALOGUE[result.error.ctlError].message).toBe(result.error.message);
          expect(result.redirect === undefined || result.redirect === given.back?.trim()).toBe(true);
          return;
        }
        expect(result.request.phone).toMatch(/^[0-9]{1,15}$/);
        expect([1, 2]).toContain(result.request.callbackType);
      }),
      { numRuns: 2000 },
    );
  });

  it("answers 19, never throws, when the directory throws", () => {
    fc.assert(
      fc.property(request, (given) => {
        const result = validateRequest(given, brokenDirectory);
        // Without a tenant name the directory is never asked: that is plainly 1.
        const asked = (given.tenant?.trim() ?? "") !== "";
        expect(result.ok ? "ok" : result.error.ctlError).toBe(asked ? 19 : 1);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same answer when every value is wrapped in white space", () => {
    fc.assert(
      fc.property(request, whiteSpace, (given, pad) => {
        const padded = Object.fromEntries(Object.entries(given).map(([key, v]) => [key, v === undefined ? v : `${pad}${v}${pad}`]));
        expect(validateRequest(padded, demoDirectory)).toEqual(validateRequest(given, demoDirectory));
      }),
      { numRuns: 1000 },
    );
  });
});
