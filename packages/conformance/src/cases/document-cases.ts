// Cases read from the document: the seed's examples, every error code's x-request, every
// parameter rule, the order of checks, and the transport rules of the POST.
import { BODY_LIMIT_BYTES, CATALOGUE, type CtlErrorCode, ORDER_OF_CHECKS } from "@webcallback/core";
import type { ConformanceCase } from "../case.js";
import { exchangeCase } from "../exchange.js";
import { expectAccepted, expectError, type Mode } from "../expect.js";
import { encode, type Method, type Params, request } from "../http-client.js";
import { apply, baseRequest, breakers, SEED_EXAMPLES, seedExample } from "../requests.js";

const METHODS: readonly Method[] = ["GET", "POST"];

/**
 * The expiration given to this runner's own type-2 requests where the case is not about it: they
 * leave the queue after a minute instead of waiting for good ahead of later runs (CONTRACT §6).
 * @default "60"
 */
export const SHORT_EXPIRATION = "60";

/** Where a seed example names an outside ctl_callbackUrl, a loopback one takes its place (CONTRACT §5). */
export const STATELESS_CALLBACK_URL = "http://127.0.0.1:9/result";

export function withLoopbackCallback(params: Params, url: string): Record<string, string> {
  const userdata = params.ctl_userdata;
  if (userdata === undefined) return { ...params };
  return { ...params, ctl_userdata: userdata.replace(/\[ctl_callbackUrl\|[^\]]*\]/, `[ctl_callbackUrl|${url}]`) };
}

function errorRule(code: CtlErrorCode): string {
  const step = ORDER_OF_CHECKS.find((s) => s.codes.includes(code));
  return `ctl_error ${code} ${CATALOGUE[code].name} (x-webcallback-errors${step === undefined ? "" : `; order of checks step ${step.step}: ${step.rule}`})`;
}

function accepted(
  id: string,
  rule: string,
  params: Params,
  type: 1 | 2,
  options: { back?: boolean; query?: Params } = {},
): ConformanceCase[] {
  return METHODS.map((method) =>
    exchangeCase(
      `${id}/${method}${options.back ? "/redirect" : ""}`,
      rule,
      (context) => {
        const sent = options.back ? { ...params, back: context.loopbackBack } : params;
        return request(method, sent, options.query === undefined ? {} : { query: options.query });
      },
      (received, context) => expectAccepted(received, type, options.back ? { redirect: context.loopbackBack } : "json"),
    ),
  );
}

function refused(
  id: string,
  rule: string,
  params: Params,
  code: CtlErrorCode,
  options: { back?: string | true; methods?: readonly Method[] } = {},
): ConformanceCase[] {
  return (options.methods ?? METHODS).map((method) =>
    exchangeCase(
      `${id}/${method}${options.back === undefined ? "" : "/redirect"}`,
      rule,
      (context) => {
        const back = options.back === true ? context.loopbackBack : options.back;
        return request(method, back === undefined ? params : { ...params, back });
      },
      (received, context) => {
        const back = options.back === true ? context.loopbackBack : options.back;
        const mode: Mode = back === undefined ? "json" : { redirect: back };
        return expectError(received, code, mode);
      },
    ),
  );
}

function seedCases(): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  for (const name of SEED_EXAMPLES) {
    const example = withLoopbackCallback(seedExample(name), STATELESS_CALLBACK_URL);
    const type = example.callback_type === "2" ? 2 : 1;
    const rule = `seed example ${name} (components.examples.${name}); CONTRACT §2`;
    // As published: back is the tenant's own page, so the answer is a 302 to it, unchanged.
    for (const method of METHODS) {
      out.push(
        exchangeCase(
          `seed/${name}/${method}/as-published`,
          rule,
          () => request(method, example),
          (received) =>
            example.back === undefined
              ? expectAccepted(received, type, "json")
              : expectAccepted(received, type, { redirect: example.back }),
        ),
      );
    }
    const { back: _back, ...json } = example;
    out.push(...accepted(`seed/${name}/json`, rule, json, type));
  }
  return out;
}

function errorCases(): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  for (const breaker of breakers()) {
    const rule = `${errorRule(breaker.code)}; x-request of components.examples.Error${breaker.code}`;
    out.push(...refused(`error/${breaker.code}/x-request`, rule, breaker.request, breaker.code));
    if (breaker.request.back === undefined) {
      out.push(
        ...refused(`error/${breaker.code}/x-request`, `${rule}; CONTRACT §2 redirect mode`, breaker.request, breaker.code, { back: true }),
      );
    }
  }
  return out;
}

function ruleCases(): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  const one = baseRequest(1);
  const two = baseRequest(2);
  const trimmed = (params: Params, pad: string) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, `${pad}${v}${pad}`]));
  out.push(...accepted("rule/trim/spaces", "CONTRACT §1: surrounding white space of every value is trimmed", trimmed(one, "  "), 1));
  out.push(
    ...accepted(
      "rule/trim/line-breaks",
      "CONTRACT §1: surrounding white space of every value is trimmed (copied URLs)",
      trimmed({ ...two, expiration: SHORT_EXPIRATION }, "\r\n"),
      2,
    ),
  );
  out.push(
    ...accepted(
      "rule/blank-optional",
      "CONTRACT §1: a value empty after trimming counts as absent",
      {
        ...one,
        callback_delay: " ",
        caller_id: "",
        back: "  ",
        ctl_userdata: "\n",
        extTransactionData: "",
        dialplan_id: " ",
        expiration: "",
        queue_id: " ",
      },
      1,
    ),
  );
  out.push(
    ...accepted("rule/unknown-parameters", "CONTRACT §1: unknown parameters are ignored", { ...one, utm_source: "mail", phone2: "x" }, 1),
  );
  out.push(
    ...accepted(
      "rule/other-type-ignored/type-1",
      "CallbackRequest schema: expiration and queue_id belong to type 2 and are ignored on type 1",
      { ...one, expiration: "soon", queue_id: "999" },
      1,
    ),
  );
  out.push(
    ...accepted(
      "rule/other-type-ignored/type-2",
      "CallbackRequest schema: callback_delay and channel_number belong to type 1 and are ignored on type 2",
      { ...two, expiration: SHORT_EXPIRATION, callback_delay: "later", channel_number: "19999999999" },
      2,
    ),
  );
  const blank: [string, Params, CtlErrorCode][] = [
    ["tenant", { ...one, tenant: "  " }, 1],
    ["token", { ...one, token: " " }, 3],
    ["phone", { ...one, phone: " \t " }, 17],
    ["callback_type", { ...one, callback_type: " " }, 10],
    ["channel_number", { ...one, channel_number: "  " }, 12],
    ["queue_id", { ...two, queue_id: " " }, 7],
  ];
  for (const [name, params, code] of blank) {
    out.push(...refused(`rule/blank-required/${name}`, `CONTRACT §1 (blank is absent); ${errorRule(code)}`, params, code));
  }
  const { phone: phoneValue = "", ...noPhone } = one;
  out.push(
    ...refused(
      "rule/names-are-case-sensitive",
      `CONTRACT §1: names are case-sensitive; ${errorRule(17)}`,
      { ...noPhone, PHONE: phoneValue },
      17,
    ),
  );
  for (const value of ["01", "1.0", "one", "3"]) {
    out.push(
      ...refused(
        `rule/callback_type/${value}`,
        `CONTRACT §3: callback_type exactly 1 or 2; ${errorRule(14)}`,
        { ...one, callback_type: value },
        14,
      ),
    );
  }
  for (const value of ["300", "0", "-5", "+7", "1.5", ".5", "7."]) {
    out.push(
      ...accepted(
        `rule/numeric/callback_delay/${value}`,
        "components.schemas.Numeric (CONTRACT §3 numeric)",
        { ...one, callback_delay: value },
        1,
      ),
    );
    out.push(
      ...accepted(`rule/numeric/expiration/${value}`, "components.schemas.Numeric (CONTRACT §3 numeric)", { ...two, expiration: value }, 2),
    );
  }
  for (const value of ["five", "1e3", "0x10", "1,5", "--1", "."]) {
    out.push(
      ...refused(
        `rule/numeric/callback_delay/${value}`,
        `components.schemas.Numeric; ${errorRule(11)}`,
        { ...one, callback_delay: value },
        11,
      ),
    );
    out.push(
      ...refused(`rule/numeric/expiration/${value}`, `components.schemas.Numeric; ${errorRule(11)}`, { ...two, expiration: value }, 11),
    );
  }
  for (const value of ["+1 (650) 555-1212", "1", "123456789012345", "1.650.555.1212"]) {
    out.push(...accepted(`rule/phone/${value}`, "components.schemas.Phone", { ...one, phone: value }, 1));
  }
  for (const value of ["1234567890123456", "abc", "++16505551212", "1650x", "+"]) {
    out.push(...refused(`rule/phone/${value}`, `components.schemas.Phone; ${errorRule(17)}`, { ...one, phone: value }, 17));
  }
  // Code points, not UTF-16 units: 166 astral characters are 332 units but 166 code points.
  const within = `[n|${"\u{1F600}".repeat(166)}${"x".repeat(500 - 166 - 4)}]`;
  out.push(
    ...accepted(
      "rule/extTransactionData/500-code-points",
      "components.schemas.ExtTransactionData maxLength 500 (code points)",
      { ...one, extTransactionData: within },
      1,
    ),
  );
  const over = `[n|${"x".repeat(497)}]`;
  out.push(...refused("rule/extTransactionData/501", errorRule(16), { ...one, extTransactionData: over }, 16));
  for (const value of ["Anonymous", "-1", "18006664444", "not-a-channel"]) {
    out.push(
      ...accepted(
        `rule/caller_id/${value}`,
        "components.schemas.CallerId: anything else means the tenant default",
        { ...one, caller_id: value },
        1,
      ),
    );
  }
  out.push(
    ...refused("rule/dialplan_id/not-digits", `components.schemas.DialplanId; ${errorRule(105)}`, { ...one, dialplan_id: "1a" }, 105),
  );
  for (const back of ["http://evil.invalid/", "javascript:alert(1)", "/relative/path", "http:127.0.0.1:9/x"]) {
    out.push(...refused(`rule/back/${back}`, `CONTRACT §2: no open redirect; ${errorRule(104)}`, { ...one, back }, 104));
  }
  out.push(
    ...METHODS.map((method) =>
      exchangeCase(
        `rule/back/query-and-fragment/${method}`,
        "CONTRACT §2: ctl_error is appended with & when back has a query, before the #fragment",
        (context) => request(method, { ...one, phone: "", back: `${context.loopbackBack}?from=form#top` }),
        (received, context) => expectError(received, 17, { redirect: `${context.loopbackBack}?from=form#top` }),
      ),
    ),
  );
  // POST: the body wins over the query; parameters only in the query are merged in.
  out.push(
    exchangeCase(
      "rule/post/body-wins",
      "CONTRACT §1: query parameters are merged into a POST, the body wins on a clash",
      () => request("POST", one, { query: { callback_type: "3" } }),
      (received) => expectAccepted(received, 1, "json"),
    ),
    exchangeCase(
      "rule/post/query-merged",
      `CONTRACT §1: query parameters are merged into a POST; ${errorRule(102)}`,
      () => request("POST", one, { query: { extTransactionData: "[no-bar]" } }),
      (received) => expectError(received, 102, "json"),
    ),
    exchangeCase(
      "rule/post/json-body",
      `CONTRACT §1: other content types get 415; ${errorRule(108)}`,
      () => ({ method: "POST", query: "", body: JSON.stringify(one), headers: { "content-type": "application/json" } }),
      (received) => expectError(received, 108, "json"),
    ),
    exchangeCase(
      "rule/post/other-charset",
      `paths./SC/webcallback.php.post.requestBody.x-readable-charsets: a form in another charset is refused; ${errorRule(108)}`,
      () => ({
        method: "POST",
        query: "",
        body: new URLSearchParams(one).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded; charset=iso-8859-1" },
      }),
      (received) => expectError(received, 108, "json"),
    ),
    exchangeCase(
      "rule/post/compressed",
      `paths./SC/webcallback.php.post: a form with a Content-Encoding other than identity is refused; ${errorRule(108)}`,
      () => ({
        method: "POST",
        query: "",
        body: new URLSearchParams(one).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", "content-encoding": "gzip" },
      }),
      (received) => expectError(received, 108, "json"),
    ),
    exchangeCase(
      "rule/post/too-large",
      `paths./SC/webcallback.php.post.requestBody.x-max-bytes; ${errorRule(107)}`,
      () => request("POST", { ...one, padding: "x".repeat(BODY_LIMIT_BYTES) }),
      (received) => expectError(received, 107, "json"),
    ),
    exchangeCase(
      "rule/post/same-as-get",
      "paths./SC/webcallback.php: the POST is the same request as the GET (example 1 as a form, with its query empty)",
      () => ({
        method: "POST",
        query: "",
        body: encode(one),
        headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
      }),
      (received) => expectAccepted(received, 1, "json"),
    ),
  );
  return out;
}

/** Two broken rules at once: the one checked first decides (CONTRACT §3, x-webcallback-order-of-checks). */
function orderCases(): ConformanceCase[] {
  const position = new Map<number, number>();
  let index = 0;
  for (const step of ORDER_OF_CHECKS) for (const code of step.codes) position.set(code, index++);
  const all = breakers().filter((b) => position.has(b.code));
  const out: ConformanceCase[] = [];
  for (const first of all) {
    for (const second of all) {
      const a = position.get(first.code) ?? 0;
      const b = position.get(second.code) ?? 0;
      if (a >= b || first.type !== second.type) continue;
      const touched = new Set([...Object.keys(first.set), ...first.remove]);
      if ([...Object.keys(second.set), ...second.remove].some((k) => touched.has(k))) continue;
      // The type-changing codes (10, 14) make the other type's rules moot: skip pairs they hide.
      const params = apply(apply(baseRequest(first.type), second.set, second.remove), first.set, first.remove);
      const rule = `x-webcallback-order-of-checks: ${first.code} is checked before ${second.code}; ${errorRule(first.code)}`;
      const methods: readonly Method[] = b - a === 1 ? METHODS : ["GET"];
      out.push(...refused(`order/${first.code}-before-${second.code}`, rule, params, first.code, { methods }));
    }
  }
  return out;
}

export function documentCases(): ConformanceCase[] {
  return [...seedCases(), ...errorCases(), ...ruleCases(), ...orderCases()];
}
