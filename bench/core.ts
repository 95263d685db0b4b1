// validateRequest throughput and the generated parser against a plain regex splitter.
import {
  constantTimeEqual,
  type Directory,
  type DirectoryChannel,
  type DirectoryQueue,
  type DirectoryTenant,
  parseUserData,
  REQUEST_EXAMPLES,
  validateRequest,
} from "@webcallback/core";
// Peggy's own parser, which parseUserData now reaches only when the generated fast path finds no match.
import { parse as parsePeggy } from "../packages/core/src/generated/userdata-parser.js";
import { bestRate, formatNumber, ratio, table } from "./measure.ts";

// The demo tenant Acme (CONTRACT.md section 8), held the way a server would: in Maps.
function demoDirectory(): Directory {
  const channels = new Map<string, DirectoryChannel>([
    ["18006661212", { number: "18006661212", ivrScript: "Acme main menu" }],
    ["18006664444", { number: "18006664444" }],
  ]);
  const queues = new Map<string, DirectoryQueue>([["103", { id: "103", enabled: true, direction: "outbound" }]]);
  const acme: DirectoryTenant = {
    name: "Acme",
    enabled: true,
    webCallbackEnabled: true,
    timeZone: "America/Los_Angeles",
    defaultCallerId: "18006660000",
    allowedBackOrigins: ["http://www.acmejet.com", "http://localhost:*", "http://127.0.0.1:*"],
    allowedCallbackHosts: ["mywebporter.com", "localhost", "127.0.0.1"],
    allowPrivateCallbackHosts: true,
    tokenMatches: (token) => constantTimeEqual(token, "fb65d0515b9631c6db72e7e66fe6df49"),
    channel: (number) => channels.get(number),
    queue: (id) => queues.get(id),
    hasDialPlan: (id) => id === "1",
  };
  const tenants = new Map([["Acme", acme]]);
  return { tenant: (name) => tenants.get(name) };
}

// The baseline: a sticky regex that splits and checks `[name|value]` lists, nothing more.
const PAIR = /[ \t\r\n]*\[([^[\]|]+)\|([^\]]*)\]/y;
const TAIL = /[ \t\r\n]*$/y;
export function regexSplit(input: string): { name: string; value: string }[] | undefined {
  const pairs: { name: string; value: string }[] = [];
  PAIR.lastIndex = 0;
  let position = 0;
  for (let match = PAIR.exec(input); match !== null; match = PAIR.exec(input)) {
    pairs.push({ name: match[1] ?? "", value: match[2] ?? "" });
    position = PAIR.lastIndex;
  }
  TAIL.lastIndex = position;
  return TAIL.test(input) ? pairs : undefined;
}

export function benchCore(): string {
  const directory = demoDirectory();
  const example1 = REQUEST_EXAMPLES.Example1CallNow.value;
  const wrongToken = { ...example1, token: "fb65d0515b9631c6db72e7e66fe6df4x" };
  const example2 = REQUEST_EXAMPLES.Example2CallAfterDelay.value;
  const check = (params: Record<string, string>, ok: boolean) => {
    if (validateRequest(params, directory).ok !== ok) throw new Error("bench: unexpected validation result");
  };
  check(example1, true);
  check(wrongToken, false);
  check(example2, true);
  const validations = [
    ["example 1 (accepted)", bestRate(() => validateRequest(example1, directory), 1_000_000)],
    ["example 1, wrong token (ctl_error 3)", bestRate(() => validateRequest(wrongToken, directory), 1_000_000)],
    ["example 2 (pair lists)", bestRate(() => validateRequest(example2, directory), 200_000)],
  ] as const;

  const userdata = example2.ctl_userdata;
  const big = `${userdata} `.repeat(400);
  const parsers = [
    ["example 2 ctl_userdata", userdata, 200_000, true],
    [`${big.length} bytes of pairs`, big, 500, true],
    // Malformed: the fast path gives up and the full parser finds the offset and expectations.
    ["example 2 ctl_userdata + junk (malformed)", `${userdata}junk`, 100_000, false],
  ] as const;
  // Rounds interleaved across the three parsers, so a busy neighbour slows each of them alike.
  const bestMbps = (fns: readonly (() => unknown)[], input: string, iterations: number, rounds = 7): number[] => {
    const best = fns.map(() => 0);
    for (let round = 0; round < rounds; round++) {
      fns.forEach((fn, i) => {
        best[i] = Math.max(best[i] ?? 0, (bestRate(fn, iterations, 1).perSecond * input.length) / 1e6);
      });
    }
    return best;
  };
  const parserRows = parsers.map(([label, input, iterations, wellFormed]) => {
    if (parseUserData(input).ok !== wellFormed || (regexSplit(input) !== undefined) !== wellFormed) {
      throw new Error(`bench: ${label} does not parse as expected`);
    }
    const peggy = () => {
      try {
        return parsePeggy(input, { startRule: "PairList" });
      } catch (error) {
        return error;
      }
    };
    const [generated = 0, full = 0, regex = 0] = bestMbps([() => parseUserData(input), peggy, () => regexSplit(input)], input, iterations);
    return [label, generated.toFixed(1), full.toFixed(1), regex.toFixed(1), ratio(generated, regex), ratio(full, regex)];
  });

  return [
    "### validateRequest, one core (target: at least 1,000,000/s for the first two)",
    "",
    table(
      ["request", "validations/s"],
      validations.map(([label, rate]) => [label, formatNumber(rate.perSecond)]),
    ),
    "",
    "### ctl_userdata parser: parseUserData (generated fast path, Peggy's parser on a miss) against a regex splitter (target: 0.3x on well-formed input)",
    "",
    table(["input", "parseUserData MB/s", "Peggy alone MB/s", "regex MB/s", "ratio", "Peggy alone ratio"], parserRows),
  ].join("\n");
}
