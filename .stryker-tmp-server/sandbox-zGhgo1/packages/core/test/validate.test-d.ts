// @ts-nocheck
// Type-level guarantees of the validator's API: checked by tsc through vitest, never run.
import { describe, expectTypeOf, it } from "vitest";
import type { ErrorBody } from "../src/answer.js";
import type { DirectoryTenant } from "../src/directory.js";
import type { CATALOGUE, CTL_ERROR, CtlErrorCode } from "../src/generated/catalogue.js";
import type { AgentAvailableRequest, CallbackRequest, CallNowRequest } from "../src/request.js";
import { type CtlErrorResult, type Validation, validateRequest } from "../src/validate.js";

declare const validation: Validation;
declare const request: CallbackRequest;

describe("Validation", () => {
  it("is what validateRequest returns", () => {
    expectTypeOf(validateRequest).returns.toEqualTypeOf<Validation>();
  });

  it("narrows on ok", () => {
    if (validation.ok) {
      expectTypeOf(validation.request).toEqualTypeOf<CallbackRequest>();
      expectTypeOf(validation.tenant).toEqualTypeOf<DirectoryTenant>();
      expectTypeOf(validation).not.toHaveProperty("error");
    } else {
      expectTypeOf(validation.error).toEqualTypeOf<CtlErrorResult>();
      expectTypeOf(validation).not.toHaveProperty("request");
      expectTypeOf(validation).not.toHaveProperty("tenant");
    }
    // Both sides say how to answer.
    expectTypeOf(validation.redirect).toEqualTypeOf<string | undefined>();
  });
});

describe("CallbackRequest", () => {
  it("narrows on callbackType", () => {
    expectTypeOf(request.callbackType).toEqualTypeOf<1 | 2>();
    if (request.callbackType === 1) {
      expectTypeOf(request).toEqualTypeOf<CallNowRequest>();
      expectTypeOf(request.channelNumber).toEqualTypeOf<string>();
      expectTypeOf(request.delaySeconds).toEqualTypeOf<number>();
      expectTypeOf(request).not.toHaveProperty("queueId");
      expectTypeOf(request).not.toHaveProperty("expirationSeconds");
    } else {
      expectTypeOf(request).toEqualTypeOf<AgentAvailableRequest>();
      expectTypeOf(request.queueId).toEqualTypeOf<string>();
      expectTypeOf(request.expirationSeconds).toEqualTypeOf<number | undefined>();
      expectTypeOf(request).not.toHaveProperty("channelNumber");
      expectTypeOf(request).not.toHaveProperty("delaySeconds");
    }
  });

  it("does not offer a type's fields before narrowing", () => {
    //  a type-2 request has no channel
    void request.channelNumber;
    //  a type-1 request has no queue
    void request.queueId;
  });
});

describe("CtlErrorCode", () => {
  it("is the union of the catalogue's codes", () => {
    expectTypeOf<CtlErrorCode>().toEqualTypeOf<(typeof CTL_ERROR)[keyof typeof CTL_ERROR]>();
    expectTypeOf<CtlErrorCode>().toEqualTypeOf<keyof typeof CATALOGUE>();
    expectTypeOf<CtlErrorCode>().toEqualTypeOf<(typeof CATALOGUE)[CtlErrorCode]["code"]>();
  });

  it("is the OpenAPI document's enum for ctl_error, from its other generator", () => {
    expectTypeOf<ErrorBody["ctl_error"]>().toEqualTypeOf<CtlErrorCode>();
  });

  it("is literal codes, without the seed's unused 4, 5, 6 and 18", () => {
    expectTypeOf<number>().not.toExtend<CtlErrorCode>();
    expectTypeOf<1>().toExtend<CtlErrorCode>();
    expectTypeOf<106>().toExtend<CtlErrorCode>();
    expectTypeOf<Extract<CtlErrorCode, 4 | 5 | 6 | 18>>().toEqualTypeOf<never>();
    expectTypeOf<CtlErrorResult["ctlError"]>().toEqualTypeOf<CtlErrorCode>();
  });
});
