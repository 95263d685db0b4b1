// @ts-nocheck
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
export { CorsPolicy } from "./http/cors.js";
export { ENDPOINT_PATH } from "./http/handler.js";
export { isLoopbackHost, type TlsMaterial, transportProblem } from "./http/listen.js";
export { BODY_LIMIT_BYTES, formParams, isFormContentType, queryParams } from "./http/request-params.js";
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
export { RateLimiter } from "./rate-limit.js";
export { createWebcallbackServer, TransportPolicyError, type WebcallbackServer, type WebcallbackServerOptions } from "./server.js";
export { newInteractionGuid } from "./store/interaction-guid.js";
export { SCHEMA_VERSION, SqliteStore, type SqliteStoreOptions } from "./store/sqlite-store.js";
export type { InteractionState, ListOptions, NewInteraction, Store, StoredInteraction } from "./store/store.js";
