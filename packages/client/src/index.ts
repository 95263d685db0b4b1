// Re-exported so a consumer can name a refusal's code without depending on @webcallback/core.
export { CTL_ERROR, type CtlErrorCode, type CtlErrorName } from "@webcallback/core";
export {
  buildCallbackParams,
  type ClientOptions,
  checkCallback,
  createWebCallbackClient,
  DEFAULT_METHOD,
  type Method,
  type RequestOptions,
  type WebCallbackClient,
} from "./client.js";
export { WebCallbackAnswerError, WebCallbackTransportError } from "./errors.js";
export type { AgentAvailableInput, CallbackInput, CallNowInput, PairsInput } from "./input.js";
export { LOCAL_CODES } from "./local-checks.js";
export type { CallbackParams } from "./params.js";
export type { CallbackAccepted, CallbackRefused, CallbackResult } from "./result.js";
