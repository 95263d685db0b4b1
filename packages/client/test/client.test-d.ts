// Misuse that must not compile, and the result's narrowing: checked by tsc through vitest, never run.

import type { CtlErrorCode as PublishedCtlErrorCode } from "@webcallback/client";
import type { CTL_ERROR as CORE_CTL_ERROR, CtlErrorCode as CoreCtlErrorCode } from "@webcallback/core";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CallbackInput,
  type CallbackRefused,
  type CallbackResult,
  CTL_ERROR,
  type CtlErrorCode,
  type CtlErrorName,
  createWebCallbackClient,
  type WebCallbackClient,
  type WebCallbackTransportError,
} from "../src/index.js";

declare const client: WebCallbackClient;
declare const result: CallbackResult;

describe("requestCallback input", () => {
  it("accepts each callback type with its own fields", () => {
    expectTypeOf<{ callbackType: 1; phone: string; channelNumber: string; callbackDelay: number }>().toMatchTypeOf<CallbackInput>();
    expectTypeOf<{ callbackType: 2; phone: string; queueId: string; expiration: number }>().toMatchTypeOf<CallbackInput>();
    void client.requestCallback({ callbackType: 1, phone: "16505551212", channelNumber: "18006661212" });
    void client.requestCallback({ callbackType: 2, phone: "16505551212", queueId: "103", expiration: 3600 });
    void client.requestCallback({
      callbackType: 1,
      phone: "16505551212",
      channelNumber: "18006661212",
      userData: { foreign_key: "1234456677" },
      extTransactionData: [["Order", "1234"]],
    });
  });

  it("refuses a type-2 request without a queue", () => {
    // @ts-expect-error queueId is required for callbackType 2
    void client.requestCallback({ callbackType: 2, phone: "16505551212" });
  });

  it("refuses a type-1 request without a channel", () => {
    // @ts-expect-error channelNumber is required for callbackType 1
    void client.requestCallback({ callbackType: 1, phone: "16505551212" });
  });

  it("refuses a delay on a type-2 request", () => {
    // @ts-expect-error callbackDelay belongs to callbackType 1
    void client.requestCallback({ callbackType: 2, phone: "16505551212", queueId: "103", callbackDelay: 300 });
  });

  it("refuses an expiration or a channel on a type-1 request", () => {
    // @ts-expect-error expiration belongs to callbackType 2
    void client.requestCallback({ callbackType: 1, phone: "16505551212", channelNumber: "18006661212", expiration: 60 });
    // @ts-expect-error queueId belongs to callbackType 2
    void client.requestCallback({ callbackType: 1, phone: "16505551212", channelNumber: "18006661212", queueId: "103" });
  });

  it("refuses a string where a number belongs", () => {
    // @ts-expect-error callbackDelay is a number of seconds
    void client.requestCallback({ callbackType: 1, phone: "16505551212", channelNumber: "18006661212", callbackDelay: "300" });
    // @ts-expect-error expiration is a number of seconds
    void client.requestCallback({ callbackType: 2, phone: "16505551212", queueId: "103", expiration: "3600" });
  });

  it("refuses a callback type other than 1 or 2, and the seed's string spelling", () => {
    // @ts-expect-error callbackType is the number 1 or 2
    void client.requestCallback({ callbackType: 3, phone: "16505551212", channelNumber: "18006661212" });
    // @ts-expect-error callbackType is a number, not the query string's text
    void client.requestCallback({ callbackType: "1", phone: "16505551212", channelNumber: "18006661212" });
  });

  it("refuses a missing phone and pair values that are not text", () => {
    // @ts-expect-error phone is required
    void client.requestCallback({ callbackType: 1, channelNumber: "18006661212" });
    // @ts-expect-error user data values are strings
    void client.requestCallback({ callbackType: 1, phone: "1", channelNumber: "18006661212", userData: { n: 1 } });
  });
});

describe("createWebCallbackClient options", () => {
  it("takes a base URL or a region of the document's servers, not both", () => {
    expectTypeOf(
      createWebCallbackClient({ baseUrl: "http://127.0.0.1:8080", tenant: "Acme", token: "t" }),
    ).toEqualTypeOf<WebCallbackClient>();
    createWebCallbackClient({ region: "na1", tenant: "Acme", token: "t" });
    createWebCallbackClient({ region: "uk", tenant: "Acme", token: "t", method: "GET" });
    // @ts-expect-error not a region of the document
    createWebCallbackClient({ region: "mars", tenant: "Acme", token: "t" });
    // @ts-expect-error a base URL or a region, not both
    createWebCallbackClient({ region: "na1", baseUrl: "https://example.test", tenant: "Acme", token: "t" });
    // @ts-expect-error the token is required
    createWebCallbackClient({ region: "na1", tenant: "Acme" });
    // @ts-expect-error only GET or POST
    createWebCallbackClient({ region: "na1", tenant: "Acme", token: "t", method: "PUT" });
  });
});

describe("CallbackResult", () => {
  it("narrows on ok", () => {
    if (result.ok) {
      expectTypeOf(result.interactionGuid).toEqualTypeOf<string | undefined>();
      expectTypeOf(result).not.toHaveProperty("ctlError");
      expectTypeOf(result).not.toHaveProperty("retryAfterSeconds");
    } else {
      expectTypeOf(result.ctlError).toEqualTypeOf<CtlErrorCode>();
      expectTypeOf(result.message).toEqualTypeOf<string>();
      expectTypeOf(result.httpStatus).toEqualTypeOf<number>();
      expectTypeOf(result.retryAfterSeconds).toEqualTypeOf<number | undefined>();
      expectTypeOf(result).not.toHaveProperty("interactionGuid");
    }
  });

  it("is what requestCallback resolves to", () => {
    expectTypeOf(client.requestCallback).returns.resolves.toEqualTypeOf<CallbackResult>();
  });

  it("names transport errors literally", () => {
    expectTypeOf<WebCallbackTransportError["name"]>().toEqualTypeOf<"WebCallbackTransportError">();
  });
});

describe("retryAfterSeconds", () => {
  it("is optional and read-only", () => {
    expectTypeOf<CallbackRefused>().toHaveProperty("retryAfterSeconds").toEqualTypeOf<number | undefined>();
    expectTypeOf<{ ok: false; ctlError: 106; message: string; httpStatus: 429 }>().toMatchTypeOf<CallbackRefused>();
    const refusal: CallbackRefused = { ok: false, ctlError: 106, message: "m", httpStatus: 429, retryAfterSeconds: 60 };
    // @ts-expect-error the result is read-only
    refusal.retryAfterSeconds = 1;
    // @ts-expect-error a number of seconds, not the header's text
    void ({ ...refusal, retryAfterSeconds: "60" } satisfies CallbackRefused);
  });
});

describe("the error codes come with the client", () => {
  it("re-exports core's CtlErrorCode, CtlErrorName and CTL_ERROR", () => {
    expectTypeOf<CtlErrorCode>().toEqualTypeOf<CoreCtlErrorCode>();
    expectTypeOf<PublishedCtlErrorCode>().toEqualTypeOf<CoreCtlErrorCode>();
    expectTypeOf(CTL_ERROR).toEqualTypeOf<typeof CORE_CTL_ERROR>();
    expectTypeOf(CTL_ERROR.RATE_LIMITED).toEqualTypeOf<106>();
    expectTypeOf<CtlErrorName>().toEqualTypeOf<keyof typeof CORE_CTL_ERROR>();
    expectTypeOf<CallbackRefused["ctlError"]>().toEqualTypeOf<CtlErrorCode>();
  });
});
