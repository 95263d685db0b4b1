export { type Clock, systemClock } from "./clock.js";
export { ConfigDirectory, ConfigTenant, type DirectoryAgent } from "./config/config-directory.js";
export { DEMO_TOKENS, demoConfig, demoDirectory } from "./config/demo-directory.js";
export { applyDialPlan } from "./config/dial-plan.js";
export {
  ConfigError,
  type ConfigProblem,
  formatProblem,
  jsonPath,
  loadConfigFile,
  parseConfigText,
  validateConfig,
} from "./config/load-config.js";
export {
  type AgentConfig,
  type ChannelConfig,
  CONFIG_SCHEMA,
  type ConfigFile,
  type DialPlanConfig,
  type DialPlanRule,
  type QueueConfig,
  type RateWindow,
  type TenantConfig,
  type TenantRateLimit,
  type WebhookSettings,
} from "./config/schema.js";
export { hashToken, isTokenHash, parseTokenHash, TOKEN_HASH_PATTERN, tokenDigest } from "./config/token-hash.js";
export type { CallPlan, Dialer } from "./dialer/dialer.js";
export { DEFAULT_RING_MS, DEFAULT_TALK_MS, NO_ANSWER_RING_MS, SimulatedDialer, TEST_NUMBERS } from "./dialer/simulated-dialer.js";
export { CorsPolicy } from "./http/cors.js";
export { ENDPOINT_PATH } from "./http/handler.js";
export { isLoopbackHost, type TlsMaterial, transportProblem } from "./http/listen.js";
export { BODY_LIMIT_BYTES, formParams, queryParams } from "./http/request-params.js";
export {
  createLogger,
  type EndableDestination,
  endDestination,
  isLogLevel,
  LOG_LEVELS,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  maskSecrets,
  stdoutDestination,
} from "./ops/logger.js";
export { Metrics, type MetricsOptions } from "./ops/metrics.js";
export { DEFAULT_MAX_WINDOWS, FailedAuthLimiter, RateLimiter } from "./rate-limit.js";
export { createWebcallbackServer, TransportPolicyError, type WebcallbackServer, type WebcallbackServerOptions } from "./server.js";
export { SimApi } from "./sim/sim-api.js";
export { DatabaseLockedError, lockDatabase } from "./store/database-lock.js";
export { newInteractionGuid } from "./store/interaction-guid.js";
export { SCHEMA_VERSION, SqliteStore, type SqliteStoreOptions } from "./store/sqlite-store.js";
export type {
  AgentRecord,
  CallRecord,
  DeliveryRecord,
  InteractionResult,
  InteractionState,
  Job,
  JobKind,
  ListOptions,
  NewInteraction,
  NewJob,
  OfferRecord,
  Store,
  StoredInteraction,
  WorkChange,
} from "./store/store.js";
export { DEFAULT_RETRY_FOR_SECONDS, DEFAULT_TIMEOUT_SECONDS, FIRST_RETRY_MS, isRetryable, retryDelayMs } from "./webhooks/retry-policy.js";
export { DestinationRefusedError, type SendResult, WebhookSender } from "./webhooks/sender.js";
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  signBody,
  type VerifyOptions,
  type VerifyResult,
  verifySignature,
} from "./webhooks/signature.js";
export { callerIdFor, numberToDial } from "./work/call-setup.js";
export { type IntakePlan, planIntake } from "./work/intake-plan.js";
export { OffsetClock } from "./work/offset-clock.js";
export { CLAIM_BATCH, Scheduler, type SchedulerOptions, StepRefusedError } from "./work/scheduler.js";
export type { WorkOptions } from "./work/start-work.js";
