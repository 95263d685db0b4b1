// @ts-nocheck
// $token$ expansion against values worked out by hand from the seed's formats (CONTRACT.md section 4).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandTokens, expandUserData, TOKEN_NAMES, TOKENS, type TokenContext } from "../src/index.js";

const SECOND = 1000;

// 2024-07-15 17:30:05 UTC: 10:30:05 in Los Angeles (PDT, -07:00). The .250 must be dropped.
const ANSWERED = 1_721_064_605 * SECOND + 250;
// 2024-07-15 17:42:47 UTC, 762 s (12 min 42 s) after the answer.
const HUNG_UP = 1_721_065_367 * SECOND + 999;
// 2024-07-15 17:43:20 UTC: the delivery, 10:43:20 in Los Angeles.
const DELIVERED = 1_721_065_400 * SECOND;

const call: TokenContext = {
  callerId: "18006664444",
  transactionId: "TX-4711",
  interactionGuid: "6f1c2a3e-9b7d-4c1e-8a2f-0d4b5e6f7a8b",
  answeredAt: ANSWERED,
  hungUpAt: HUNG_UP,
  transactionCodes: [
    { list: "Sales", short: "S1", description: "Sold a plan" },
    { list: "Follow up", short: "F2", description: "Call again next week" },
  ],
  notes: "wants the brochure",
  now: DELIVERED,
  timeZone: "America/Los_Angeles",
};

const notEstablished: TokenContext = {
  ...call,
  answeredAt: undefined,
  hungUpAt: undefined,
  transactionCodes: [],
  notes: "",
};

describe("the token catalogue", () => {
  it("lists exactly the seed's tokens, in the seed's order", () => {
    expect(TOKEN_NAMES).toEqual([
      "caller_id",
      "transaction_id",
      "call_answered_time",
      "call_hangup_time",
      "callAnsweredTenantTT",
      "callHangupTenantTT",
      "callDuration",
      "equal",
      "interaction_guid",
      "year",
      "month",
      "date",
      "hours",
      "minutes",
      "seconds",
      "transaction_codes",
      "notes",
      "lastTclListName",
      "lastTclCodeDesc",
      "lastTclCodeShort",
    ]);
  });

  it("gives every token a description and a format", () => {
    for (const name of TOKEN_NAMES) {
      expect(TOKENS[name].description, name).not.toBe("");
      expect(TOKENS[name].format, name).not.toBe("");
    }
  });

  it("expands every catalogued token", () => {
    for (const name of TOKEN_NAMES) {
      expect(expandTokens(`$${name}$`, call), name).not.toBe(`$${name}$`);
    }
  });
});

describe("each token on an established call (Los Angeles, summer)", () => {
  const table: { given: string; want: string }[] = [
    { given: "$caller_id$", want: "18006664444" },
    { given: "$transaction_id$", want: "TX-4711" },
    { given: "$call_answered_time$", want: "1721064605" },
    { given: "$call_hangup_time$", want: "1721065367" },
    { given: "$callAnsweredTenantTT$", want: "2024/07/15 10:30:05 -07:00" },
    { given: "$callHangupTenantTT$", want: "2024/07/15 10:42:47 -07:00" },
    { given: "$callDuration$", want: "00:12:42" },
    { given: "$equal$", want: "=" },
    { given: "$interaction_guid$", want: "6f1c2a3e-9b7d-4c1e-8a2f-0d4b5e6f7a8b" },
    { given: "$year$", want: "2024" },
    { given: "$month$", want: "07" },
    { given: "$date$", want: "15" },
    { given: "$hours$", want: "10" },
    { given: "$minutes$", want: "43" },
    { given: "$seconds$", want: "20" },
    { given: "$transaction_codes$", want: "Sales:S1,Follow up:F2" },
    { given: "$notes$", want: "wants the brochure" },
    { given: "$lastTclListName$", want: "Follow up" },
    { given: "$lastTclCodeDesc$", want: "Call again next week" },
    { given: "$lastTclCodeShort$", want: "F2" },
  ];
  it.each(table)("$given -> $want", ({ given, want }) => {
    expect(expandTokens(given, call)).toBe(want);
  });
});

describe("a call that was not established", () => {
  const table: { given: string; want: string }[] = [
    { given: "$call_answered_time$", want: "0" },
    { given: "$call_hangup_time$", want: "0" },
    { given: "$callAnsweredTenantTT$", want: "" },
    { given: "$callHangupTenantTT$", want: "" },
    { given: "$callDuration$", want: "00:00:00" },
    { given: "$transaction_codes$", want: "" },
    { given: "$lastTclListName$", want: "" },
    { given: "$lastTclCodeDesc$", want: "" },
    { given: "$lastTclCodeShort$", want: "" },
    { given: "$notes$", want: "" },
    // The delivery time is still known.
    { given: "$year$-$month$-$date$", want: "2024-07-15" },
    { given: "$interaction_guid$", want: "6f1c2a3e-9b7d-4c1e-8a2f-0d4b5e6f7a8b" },
  ];
  it.each(table)("$given -> '$want'", ({ given, want }) => {
    expect(expandTokens(given, notEstablished)).toBe(want);
  });
});

describe("tenant timestamps in the tenant's zone", () => {
  const table: { zone: string; utc: string; seconds: number; want: string }[] = [
    { zone: "America/Los_Angeles", utc: "2024-07-15 17:30:05 (PDT)", seconds: 1_721_064_605, want: "2024/07/15 10:30:05 -07:00" },
    { zone: "America/Los_Angeles", utc: "2024-01-15 17:30:05 (PST)", seconds: 1_705_339_805, want: "2024/01/15 09:30:05 -08:00" },
    {
      zone: "America/Los_Angeles",
      utc: "2024-03-10 09:59:59, last PST second",
      seconds: 1_710_064_799,
      want: "2024/03/10 01:59:59 -08:00",
    },
    {
      zone: "America/Los_Angeles",
      utc: "2024-03-10 10:00:00, first PDT second",
      seconds: 1_710_064_800,
      want: "2024/03/10 03:00:00 -07:00",
    },
    { zone: "America/Los_Angeles", utc: "2024-11-03 08:30:00, first 01:30", seconds: 1_730_622_600, want: "2024/11/03 01:30:00 -07:00" },
    { zone: "America/Los_Angeles", utc: "2024-11-03 09:30:00, second 01:30", seconds: 1_730_626_200, want: "2024/11/03 01:30:00 -08:00" },
    { zone: "America/Los_Angeles", utc: "2024-07-15 07:00:00, midnight", seconds: 1_721_026_800, want: "2024/07/15 00:00:00 -07:00" },
    { zone: "Asia/Kolkata", utc: "2024-07-15 17:30:05", seconds: 1_721_064_605, want: "2024/07/15 23:00:05 +05:30" },
    { zone: "Asia/Kolkata", utc: "2024-12-31 20:00:00, next day and year", seconds: 1_735_675_200, want: "2025/01/01 01:30:00 +05:30" },
    { zone: "Asia/Kathmandu", utc: "2024-07-15 17:30:05", seconds: 1_721_064_605, want: "2024/07/15 23:15:05 +05:45" },
    { zone: "America/St_Johns", utc: "2024-01-15 17:30:05", seconds: 1_705_339_805, want: "2024/01/15 14:00:05 -03:30" },
    { zone: "UTC", utc: "2024-07-15 17:30:05", seconds: 1_721_064_605, want: "2024/07/15 17:30:05 +00:00" },
    { zone: "Etc/UTC", utc: "1970-01-01 00:00:00", seconds: 0, want: "1970/01/01 00:00:00 +00:00" },
  ];
  it.each(table)("$zone at $utc -> $want", ({ zone, seconds, want }) => {
    const context = { ...call, timeZone: zone, answeredAt: seconds * SECOND, hungUpAt: seconds * SECOND };
    expect(expandTokens("$callAnsweredTenantTT$", context)).toBe(want);
    expect(expandTokens("$callHangupTenantTT$", context)).toBe(want);
  });

  it("reads back as the same UTC second, for any instant and zone", () => {
    const zones = [
      "America/Los_Angeles",
      "Asia/Kolkata",
      "Asia/Kathmandu",
      "America/St_Johns",
      "Europe/London",
      "Australia/Lord_Howe",
      "UTC",
    ];
    const shape = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2}):(\d{2})$/;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constantFrom(...zones), (ms, timeZone) => {
        const text = expandTokens("$callAnsweredTenantTT$", { ...call, answeredAt: ms, timeZone });
        const match = shape.exec(text);
        if (match === null) throw new Error(`not YYYY/MM/DD HH:mm:ss ±HH:MM: ${text}`);
        const [y, mo, d, h, mi, s, oh, om] = [1, 2, 3, 4, 5, 6, 8, 9].map((i) => Number(match[i]));
        const offsetMinutes = (match[7] === "-" ? -1 : 1) * ((oh ?? 0) * 60 + (om ?? 0));
        const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
        expect(wall - offsetMinutes * 60_000).toBe(Math.floor(ms / SECOND) * SECOND);
      }),
    );
  });
});

describe("date parts at delivery time in the tenant's zone", () => {
  const parts = "$year$/$month$/$date$ $hours$:$minutes$:$seconds$";
  const table: { zone: string; now: string; seconds: number; want: string }[] = [
    { zone: "America/Los_Angeles", now: "2024-07-15 17:43:20", seconds: 1_721_065_400, want: "2024/07/15 10:43:20" },
    { zone: "America/Los_Angeles", now: "2024-01-15 17:30:05", seconds: 1_705_339_805, want: "2024/01/15 09:30:05" },
    { zone: "America/Los_Angeles", now: "2024-07-15 07:00:00, midnight is 00", seconds: 1_721_026_800, want: "2024/07/15 00:00:00" },
    { zone: "Asia/Kolkata", now: "2024-12-31 20:00:00", seconds: 1_735_675_200, want: "2025/01/01 01:30:00" },
    { zone: "UTC", now: "2024-03-10 09:59:59", seconds: 1_710_064_799, want: "2024/03/10 09:59:59" },
  ];
  it.each(table)("$zone at $now -> $want", ({ zone, seconds, want }) => {
    expect(expandTokens(parts, { ...call, timeZone: zone, now: seconds * SECOND + 999 })).toBe(want);
  });
});

describe("call durations", () => {
  const table: { what: string; answered: number | undefined; hungUp: number | undefined; want: string }[] = [
    { what: "zero", answered: ANSWERED, hungUp: ANSWERED, want: "00:00:00" },
    { what: "under a minute", answered: 0, hungUp: 59 * SECOND, want: "00:00:59" },
    { what: "one hour exactly", answered: 0, hungUp: 3600 * SECOND, want: "01:00:00" },
    { what: "over 24 h (26 h 3 min 4 s)", answered: ANSWERED, hungUp: ANSWERED + 93_784 * SECOND, want: "26:03:04" },
    { what: "over 99 h", answered: 0, hungUp: (100 * 3600 + 61) * SECOND, want: "100:01:01" },
    { what: "whole UTC seconds apart, as the two time tokens", answered: 999, hungUp: 1000, want: "00:00:01" },
    { what: "hang-up before answer", answered: 10 * SECOND, hungUp: 5 * SECOND, want: "00:00:00" },
    { what: "no hang-up time", answered: ANSWERED, hungUp: undefined, want: "00:00:00" },
    // Not counted from the epoch: a hang-up with no answer is no call, not 478,000 hours.
    { what: "hang-up but no answer time", answered: undefined, hungUp: HUNG_UP, want: "00:00:00" },
    { what: "not established", answered: undefined, hungUp: undefined, want: "00:00:00" },
  ];
  it.each(table)("$what -> $want", ({ answered, hungUp, want }) => {
    expect(expandTokens("$callDuration$", { ...call, answeredAt: answered, hungUpAt: hungUp })).toBe(want);
  });
});

describe("text around tokens", () => {
  const table: { given: string; want: string }[] = [
    { given: "", want: "" },
    { given: "no tokens here", want: "no tokens here" },
    { given: "$$", want: "$$" },
    { given: "$", want: "$" },
    { given: "$$$", want: "$$$" },
    { given: "cost $5 or $6", want: "cost $5 or $6" },
    { given: "$5$", want: "$5$" },
    { given: "$unknown$", want: "$unknown$" },
    { given: "$CALLER_ID$", want: "$CALLER_ID$" },
    { given: "$constructor$", want: "$constructor$" },
    { given: "$__proto__$", want: "$__proto__$" },
    { given: "$caller_id", want: "$caller_id" },
    { given: "$$caller_id$$", want: "$18006664444$" },
    { given: "a$equal$b", want: "a=b" },
    { given: "key$equal$value&x$equal$y", want: "key=value&x=y" },
    { given: "$equal$$equal$", want: "==" },
    // Left to right: `$unknown$` is a (kept) token, so its closing `$` cannot open `$equal$`.
    { given: "$unknown$equal$", want: "$unknown$equal$" },
    { given: "$equal$unknown$", want: "=unknown$" },
    { given: "id=$interaction_guid$;at=$call_answered_time$", want: "id=6f1c2a3e-9b7d-4c1e-8a2f-0d4b5e6f7a8b;at=1721064605" },
    { given: "$notes$|$lastTclCodeShort$", want: "wants the brochure|F2" },
  ];
  it.each(table)("'$given' -> '$want'", ({ given, want }) => {
    expect(expandTokens(given, call)).toBe(want);
  });

  it("does not expand tokens inside replaced text", () => {
    const context = { ...call, notes: "$equal$ and $caller_id$", callerId: "$notes$" };
    expect(expandTokens("$notes$", context)).toBe("$equal$ and $caller_id$");
    expect(expandTokens("$caller_id$", context)).toBe("$notes$");
  });

  // The last code is the one the agent selected last, whatever the number of codes.
  const lastCodes: readonly {
    readonly name: string;
    readonly codes: readonly { list: string; short: string; description: string }[];
    readonly want: string;
  }[] = [
    { name: "no code", codes: [], want: "//" },
    { name: "one code", codes: [{ list: "Support", short: "T9", description: "Solved" }], want: "Support/T9/Solved" },
    {
      name: "three codes",
      codes: [
        { list: "Sales", short: "S1", description: "Sold a plan" },
        { list: "Follow up", short: "F2", description: "Call again next week" },
        { list: "Support", short: "T9", description: "Solved" },
      ],
      want: "Support/T9/Solved",
    },
    {
      name: "four codes, the last from the first list again",
      codes: [
        { list: "Sales", short: "S1", description: "Sold a plan" },
        { list: "Follow up", short: "F2", description: "Call again next week" },
        { list: "Support", short: "T9", description: "Solved" },
        { list: "Sales", short: "S4", description: "Upsold" },
      ],
      want: "Sales/S4/Upsold",
    },
  ];
  it.each(lastCodes)("lastTcl* tokens with $name -> $want", ({ codes, want }) => {
    expect(expandTokens("$lastTclListName$/$lastTclCodeShort$/$lastTclCodeDesc$", { ...call, transactionCodes: codes })).toBe(want);
  });

  it("joins a single transaction code without a comma", () => {
    const context = { ...call, transactionCodes: [{ list: "Support", short: "T9", description: "Solved" }] };
    expect(expandTokens("$transaction_codes$/$lastTclListName$/$lastTclCodeDesc$", context)).toBe("Support:T9/Support/Solved");
  });
});

describe("expandUserData", () => {
  it("expands each value and keeps names and order", () => {
    const pairs = [
      { name: "Transactionid__c", value: "$interaction_guid$" },
      { name: "CallAnswerTime", value: "$call_answered_time$" },
      { name: "$caller_id$", value: "literal" },
      { name: "foreign_key", value: "1234456677" },
      { name: "empty", value: "" },
    ];
    expect(expandUserData(pairs, call)).toEqual([
      { name: "Transactionid__c", value: "6f1c2a3e-9b7d-4c1e-8a2f-0d4b5e6f7a8b" },
      { name: "CallAnswerTime", value: "1721064605" },
      { name: "$caller_id$", value: "literal" },
      { name: "foreign_key", value: "1234456677" },
      { name: "empty", value: "" },
    ]);
    expect(pairs[0]?.value).toBe("$interaction_guid$");
  });

  it("reads the same delivery time for every pair", () => {
    const pairs = [
      { name: "a", value: "$hours$:$minutes$:$seconds$" },
      { name: "b", value: "$hours$:$minutes$:$seconds$" },
    ];
    const [a, b] = expandUserData(pairs, call);
    expect(a?.value).toBe("10:43:20");
    expect(b?.value).toBe(a?.value);
  });

  it("returns an empty list for no pairs", () => {
    expect(expandUserData([], call)).toEqual([]);
  });
});

describe("contexts that cannot be expanded", () => {
  it("refuses a time zone Intl does not know, even when no date token is used", () => {
    expect(() => expandTokens("plain", { ...call, timeZone: "Mars/Olympus_Mons" })).toThrow(RangeError);
  });

  // The message names the time that is wrong, so a caller can tell which fact was broken.
  const notFinite: readonly { readonly name: string; readonly context: TokenContext; readonly want: string }[] = [
    { name: "now", context: { ...call, now: Number.NaN }, want: "expandTokens: now is not a finite time (NaN)" },
    {
      name: "answeredAt",
      context: { ...call, answeredAt: Number.POSITIVE_INFINITY },
      want: "expandTokens: answeredAt is not a finite time (Infinity)",
    },
    { name: "hungUpAt", context: { ...call, hungUpAt: Number.NaN }, want: "expandTokens: hungUpAt is not a finite time (NaN)" },
    {
      name: "hungUpAt without an answer",
      context: { ...call, answeredAt: undefined, hungUpAt: Number.NEGATIVE_INFINITY },
      want: "expandTokens: hungUpAt is not a finite time (-Infinity)",
    },
  ];
  it.each(notFinite)("refuses a $name that is not finite, even when no token reads it", ({ context, want }) => {
    expect(() => expandTokens("x", context)).toThrow(new RangeError(want));
    expect(() => expandUserData([{ name: "a", value: "b" }], context)).toThrow(new RangeError(want));
  });
});
