export { isLoopbackHost, isPrivateHost } from "./addresses.js";
export { type AcceptedBody, type Answer, acceptedAnswer, type ErrorBody, errorAnswer, methodNotAllowed } from "./answer.js";
export { constantTimeEqual } from "./constant-time.js";
export { CorsOrigins } from "./cors.js";
export type { Directory, DirectoryChannel, DirectoryQueue, DirectoryTenant } from "./directory.js";
export { isReadableForm, refusesPostBody } from "./form-body.js";
export {
  CATALOGUE,
  type CheckStep,
  CTL_ERROR,
  CTL_ERROR_MESSAGES,
  type CtlErrorCode,
  type CtlErrorEntry,
  type CtlErrorName,
  ORDER_OF_CHECKS,
} from "./generated/catalogue.js";
export { ERROR_EXAMPLES, REQUEST_EXAMPLES } from "./generated/examples.js";
export { CORS_ANSWER_HEADERS, ENDPOINT_ALLOW, PREFLIGHT_HEADERS, SAFE_REQUEST_ID } from "./generated/headers.js";
export type { components, operations, paths } from "./generated/openapi.js";
export * from "./generated/rules.js";
export { type Region, SERVERS } from "./generated/servers.js";
export { TOKEN_NAMES, TOKENS, type TokenEntry, type TokenName } from "./generated/tokens.js";
export { htmlPage, prefersHtml } from "./html-page.js";
export {
  formatUserData,
  isPairList,
  isSystemPair,
  type Pair,
  type PairListProblem,
  type PairListResult,
  pairProblem,
  parseUserData,
  parseValue,
  SYSTEM_PREFIX,
  splitPairs,
  type ValuePart,
} from "./pairs.js";
export type {
  AgentAvailableRequest,
  CallbackRequest,
  CallerId,
  CallNowRequest,
  RequestParams,
} from "./request.js";
export { type CallFacts, expandTokens, expandUserData, type TokenContext, type TransactionCode } from "./tokens.js";
export {
  type HttpUrl,
  hostMatches,
  isAllowedBack,
  isAllowedCallbackUrl,
  ORIGIN_SHAPE,
  type OriginPattern,
  parseHttpUrl,
  parseOriginPattern,
  withCtlError,
  withInteractionGuid,
} from "./urls.js";
export {
  type AuthFailures,
  type CtlErrorResult,
  ctlError,
  type ValidateOptions,
  type Validation,
  validateRequest,
} from "./validate.js";
