// Cases from the grammar (grammar/userdata.peggy): pair lists built from its rules, and the same
// lists broken in the ways it forbids. The compiled grammar in core is the oracle for each verdict.
import { parseUserData } from "@webcallback/core";
import type { ConformanceCase } from "../case.js";
import { exchangeCase } from "../exchange.js";
import { expectAccepted, expectError } from "../expect.js";
import { type Method, request } from "../http-client.js";
import type { SeededRandom } from "../random.js";
import { baseRequest } from "../requests.js";

const NAME_CHARS = "abcXYZ_09-. $é";
const VALUE_CHARS = "abc 09|$=-_.:/é";
const TOKENS = ["$interaction_guid$", "$equal$", "$call_answered_time$", "$unknown_token$", "$", "$$", "$9x$"];

function word(random: SeededRandom, chars: string, min: number, max: number): string {
  let out = "";
  const length = min + random.int(max - min + 1);
  for (let i = 0; i < length; i++) out += chars[random.int(chars.length)];
  return out;
}

/** A list the grammar accepts: pairs, white space between them, values with tokens. */
function validList(random: SeededRandom): string {
  const pairs: string[] = [];
  const count = 1 + random.int(4);
  for (let i = 0; i < count; i++) {
    const value = random.int(3) === 0 ? `${word(random, VALUE_CHARS, 0, 4)}${random.pick(TOKENS)}` : word(random, VALUE_CHARS, 0, 8);
    pairs.push(`${random.int(4) === 0 ? " " : ""}[${word(random, NAME_CHARS, 1, 6).replace(/^ +| +$/g, "") || "n"}|${value}]`);
  }
  return pairs.join("");
}

/** The ways the grammar forbids, each applied to a valid list. */
const BREAKS: readonly [string, (list: string) => string][] = [
  ["text after the last pair", (list) => `${list}junk`],
  ["text before the first pair", (list) => `x${list}`],
  ["a pair without |", () => "[name]"],
  ["an empty name", (list) => `${list}[|value]`],
  ["an unclosed pair", (list) => `${list}[open|value`],
  ["] inside a value", (list) => `${list}[n|a]b]`],
  ["[ inside a name", (list) => `${list}[a[b|c]`],
  ["no brackets at all", () => "name|value"],
];

export function grammarCases(random: SeededRandom, count: number): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  const one = baseRequest(1);
  const methods: readonly Method[] = ["GET", "POST"];
  for (let i = 0; i < count; i++) {
    const list = validList(random);
    const method = methods[i % 2] ?? "GET";
    // Lists the generator meant as valid are checked against the grammar, which decides.
    const ok = parseUserData(list).ok;
    out.push(
      exchangeCase(
        `grammar/ctl_userdata/valid/${i}/${method}`,
        `grammar/userdata.peggy PairList (CONTRACT §4): ${JSON.stringify(list)} is ${ok ? "well formed" : "malformed"}`,
        () => request(method, { ...one, ctl_userdata: list }),
        (received) => (ok ? expectAccepted(received, 1, "json") : expectError(received, 101, "json")),
      ),
      exchangeCase(
        `grammar/extTransactionData/valid/${i}/${method}`,
        `grammar/userdata.peggy PairList (CONTRACT §4): ${JSON.stringify(list)} is ${ok ? "well formed" : "malformed"}`,
        () => request(method, { ...one, extTransactionData: list }),
        (received) => (ok ? expectAccepted(received, 1, "json") : expectError(received, 102, "json")),
      ),
    );
  }
  for (const [what, breakList] of BREAKS) {
    const list = breakList(validList(random));
    const ok = parseUserData(list).ok;
    for (const [field, code] of [
      ["ctl_userdata", 101],
      ["extTransactionData", 102],
    ] as const) {
      out.push(
        exchangeCase(
          `grammar/${field}/malformed/${what}`,
          `grammar/userdata.peggy PairList (CONTRACT §4): ${what}; ctl_error ${code}`,
          () => request("GET", { ...one, [field]: list }),
          (received) => (ok ? expectAccepted(received, 1, "json") : expectError(received, code, "json")),
        ),
      );
    }
  }
  return out;
}
