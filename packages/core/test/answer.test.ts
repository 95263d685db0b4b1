// errorAnswer and acceptedAnswer: the HTTP shapes of CONTRACT.md section 2.
import { describe, expect, it } from "vitest";
import { type AcceptedBody, acceptedAnswer, errorAnswer, methodNotAllowed } from "../src/answer.js";
import { CATALOGUE, CTL_ERROR, type CtlErrorCode } from "../src/generated/catalogue.js";
import { SAFE_REQUEST_ID } from "../src/generated/headers.js";
import { ctlError } from "../src/validate.js";

const BACK = "http://www.acmejet.com/ctdresult.php";
const JSON_TYPE = "application/json; charset=utf-8";

describe("errorAnswer in JSON mode", () => {
  const codes = Object.values(CTL_ERROR);
  it.each(codes)("%i: catalogue status, message, no-store", (code: CtlErrorCode) => {
    const answer = errorAnswer(ctlError(code), undefined);
    expect(answer.status).toBe(CATALOGUE[code].httpStatus);
    expect(answer.headers).toEqual({ "cache-control": "no-store", "content-type": JSON_TYPE });
    expect(JSON.parse(answer.body ?? "")).toEqual({ ctl_error: code, message: CATALOGUE[code].message });
  });

  it("carries Retry-After for 15 and 106", () => {
    for (const code of [CTL_ERROR.SERVICE_UNAVAILABLE, CTL_ERROR.RATE_LIMITED]) {
      const answer = errorAnswer(ctlError(code, { retryAfterSeconds: 30 }), undefined);
      expect(answer.headers).toEqual({ "cache-control": "no-store", "content-type": JSON_TYPE, "retry-after": "30" });
    }
  });

  it("carries the detail of a malformed pair list", () => {
    const detail = 'at offset 5: expected "[" or end of input but "j" found';
    const answer = errorAnswer(ctlError(CTL_ERROR.MALFORMED_CTL_USERDATA, { detail }), undefined);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body ?? "")).toEqual({ ctl_error: 101, message: CATALOGUE[101].message, detail });
  });
});

describe("errorAnswer in redirect mode", () => {
  const cases: readonly { readonly name: string; readonly back: string; readonly code: CtlErrorCode; readonly location: string }[] = [
    { name: "no query", back: BACK, code: 3, location: `${BACK}?ctl_error=3` },
    { name: "existing query", back: `${BACK}?lang=en`, code: 17, location: `${BACK}?lang=en&ctl_error=17` },
    { name: "fragment", back: `${BACK}#done`, code: 1, location: `${BACK}?ctl_error=1#done` },
  ];
  it.each(cases)("302 to back with ctl_error: $name", ({ back, code, location }) => {
    expect(errorAnswer(ctlError(code), back)).toEqual({ status: 302, headers: { "cache-control": "no-store", location }, body: undefined });
  });

  it("keeps Retry-After on a redirected 106", () => {
    const answer = errorAnswer(ctlError(CTL_ERROR.RATE_LIMITED, { retryAfterSeconds: 12 }), BACK);
    expect(answer).toEqual({
      status: 302,
      headers: { "cache-control": "no-store", location: `${BACK}?ctl_error=106`, "retry-after": "12" },
      body: undefined,
    });
  });
});

describe("acceptedAnswer", () => {
  const body: AcceptedBody = {
    status: "accepted",
    interaction_guid: "0b9f8d1e-4c1a-4f9e-9a51-3c0d5c7e2f10",
    callback_type: 2,
    queue_id: "103",
    expires_at: null,
  };

  it("is 202 with the JSON body when there is no back", () => {
    const answer = acceptedAnswer(body, undefined);
    expect(answer.status).toBe(202);
    expect(answer.headers).toEqual({ "cache-control": "no-store", "content-type": JSON_TYPE });
    expect(JSON.parse(answer.body ?? "")).toEqual(body);
  });

  it("is 302 to back, unchanged, in redirect mode", () => {
    expect(acceptedAnswer(body, `${BACK}?x=1#f`)).toEqual({
      status: 302,
      headers: { "cache-control": "no-store", location: `${BACK}?x=1#f` },
      body: undefined,
    });
  });

  it.each([
    { back: BACK, location: `${BACK}?ctl_interaction_guid=${body.interaction_guid}` },
    { back: `${BACK}?x=1#f`, location: `${BACK}?x=1&ctl_interaction_guid=${body.interaction_guid}#f` },
    { back: `${BACK}?`, location: `${BACK}?ctl_interaction_guid=${body.interaction_guid}` },
  ])("adds ctl_interaction_guid to $back when the tenant opts in (redirectWithGuid)", ({ back, location }) => {
    expect(acceptedAnswer(body, back, true)).toEqual({ status: 302, headers: { "cache-control": "no-store", location }, body: undefined });
    // The JSON answer is the same either way.
    expect(acceptedAnswer(body, undefined, true)).toEqual(acceptedAnswer(body, undefined));
  });
});

describe("the Location of a redirect is header-safe", () => {
  it.each([
    { given: "http://localhost:3000/thank you", want: "http://localhost:3000/thank%20you" },
    { given: "http://localhost:3000/café", want: "http://localhost:3000/caf%C3%A9" },
    { given: "http://localhost:1/€ and 你好", want: "http://localhost:1/%E2%82%AC%20and%20%E4%BD%A0%E5%A5%BD" },
    { given: "http://localhost:1/😀", want: "http://localhost:1/%F0%9F%98%80" },
    { given: "http://localhost:1/\uD800x", want: "http://localhost:1/%EF%BF%BDx" },
    { given: "http://localhost:1/x\uDC00", want: "http://localhost:1/x%EF%BF%BD" },
    { given: "http://localhost:1/%E2%82%AC?a=b#c~!", want: "http://localhost:1/%E2%82%AC?a=b#c~!" },
  ])("$given -> $want", ({ given, want }) => {
    expect(acceptedAnswer({} as AcceptedBody, given).headers.location).toBe(want);
    expect(errorAnswer(ctlError(3), given).headers.location).toBe(
      `${want}${want.includes("?") ? "&" : "?"}ctl_error=3`.replace(/(#.*)(&ctl_error=3)$/, "$2$1"),
    );
  });
});

describe("SAFE_REQUEST_ID: which X-Request-Id values are echoed", () => {
  it.each([
    { given: "a", want: true },
    { given: "partner-42", want: true },
    { given: "AZaz09._:@/+=-", want: true },
    { given: "x".repeat(128), want: true },
    { given: "x".repeat(129), want: false },
    { given: "", want: false },
    { given: "has space", want: false },
    { given: "line\nbreak", want: false },
    { given: 'quote"', want: false },
    { given: "é", want: false },
    { given: "ok\n", want: false },
  ])("$given: $want", ({ given, want }) => {
    expect(SAFE_REQUEST_ID.test(given)).toBe(want);
  });
});

describe("methodNotAllowed", () => {
  it("is 405 JSON, not stored, naming the methods that are allowed", () => {
    expect(methodNotAllowed("GET, HEAD")).toEqual({
      status: 405,
      headers: { "cache-control": "no-store", "content-type": JSON_TYPE, allow: "GET, HEAD" },
      body: '{"error":"method not allowed"}',
    });
  });
});
