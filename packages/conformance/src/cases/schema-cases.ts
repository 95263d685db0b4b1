// Cases in the manner of Schemathesis: values drawn at random (seeded, bounded) for one
// parameter of a valid request, judged by the document's own raw-value pattern. What the
// document calls valid must be accepted; what it calls invalid must be refused.
import type { ConformanceCase } from "../case.js";
import { loadDocument } from "../document.js";
import { exchangeCase } from "../exchange.js";
import { expectAccepted, expectRefused } from "../expect.js";
import { type Method, request } from "../http-client.js";
import type { SeededRandom } from "../random.js";
import { baseRequest } from "../requests.js";

/** Characters the generator draws from: the ones the patterns care about, white space of several kinds, and a few others. */
const ALPHABET = [
  "0",
  "1",
  "5",
  "9",
  "+",
  "-",
  ".",
  "(",
  ")",
  " ",
  " ",
  "\t",
  "\n",
  "\r",
  "\u00a0",
  "\u3000",
  "a",
  "x",
  "e",
  "#",
  ",",
  "é",
  "1",
  "2",
];

interface Target {
  /** The parameter the values go in. */
  readonly parameter: string;
  /** The document schema whose pattern judges the raw value. */
  readonly schema: string;
  readonly type: 1 | 2;
  /** The base value, mutated to get near the pattern's edges. */
  readonly seedValues: readonly string[];
  /** Valid values that a request alone cannot make acceptable (they name tenant state), left out. */
  readonly knownWhenValid?: (trimmed: string) => boolean;
}

const TARGETS: readonly Target[] = [
  { parameter: "phone", schema: "Phone", type: 1, seedValues: ["16505551212", "+1 (650) 555-1212", "1234567890123456"] },
  // callback_type 2 needs a queue, which the type-1 base lacks.
  { parameter: "callback_type", schema: "CallbackType", type: 1, seedValues: ["1", "01", "1 "], knownWhenValid: (v) => v === "1" },
  { parameter: "callback_delay", schema: "Numeric", type: 1, seedValues: ["300", "1.5", "-2", ".5"] },
  { parameter: "expiration", schema: "Numeric", type: 2, seedValues: ["3600", "+1", "0."] },
  // Only dial plan 1 is known to the example tenant (ctl_error 105 names the others).
  { parameter: "dialplan_id", schema: "DialplanId", type: 1, seedValues: ["1", " 1", ""], knownWhenValid: (v) => v === "" || v === "1" },
];

function draw(random: SeededRandom, target: Target): string {
  const base = random.pick(target.seedValues);
  switch (random.int(4)) {
    case 0: {
      // Surround with white space.
      const pad = () => random.pick(["", " ", "\n", "\t ", "\r\n", "\u00a0"]);
      return `${pad()}${base}${pad()}`;
    }
    case 1: {
      // Change one character.
      const at = random.int(base.length + 1);
      return `${base.slice(0, at)}${random.pick(ALPHABET)}${base.slice(at + 1)}`;
    }
    case 2: {
      // Insert one character.
      const at = random.int(base.length + 1);
      return `${base.slice(0, at)}${random.pick(ALPHABET)}${base.slice(at)}`;
    }
    default: {
      let out = "";
      const length = random.int(6);
      for (let i = 0; i < length; i++) out += random.pick(ALPHABET);
      return out;
    }
  }
}

export function schemaCases(random: SeededRandom, perParameter: number): ConformanceCase[] {
  const document = loadDocument();
  const out: ConformanceCase[] = [];
  const methods: readonly Method[] = ["GET", "POST"];
  for (const target of TARGETS) {
    const pattern = document.pattern(target.schema);
    const seen = new Set<string>();
    for (let i = 0; i < perParameter * 4 && seen.size < perParameter; i++) {
      const value = draw(random, target);
      if (seen.has(value)) continue;
      seen.add(value);
      const method = methods[seen.size % 2] ?? "GET";
      // A blank optional value is absent, which the document allows; a blank required one is missing.
      const valid = pattern.test(value);
      if (valid && target.knownWhenValid !== undefined && !target.knownWhenValid(value.trim())) continue;
      const params = { ...baseRequest(target.type), [target.parameter]: value };
      out.push(
        exchangeCase(
          `schema/${target.parameter}/${seen.size}/${method}`,
          `components.schemas.${target.schema}.pattern calls ${JSON.stringify(value)} ${valid ? "valid: it must be accepted" : "invalid: it must be refused"}`,
          () => request(method, params),
          (received) => (valid ? expectAccepted(received, target.type, "json") : expectRefused(received)),
        ),
      );
    }
  }
  return out;
}
