export type { CaseContext, ConformanceCase, Outcome, Profile } from "./case.js";
export { STATELESS_CALLBACK_URL } from "./cases/document-cases.js";
export { BUNDLED_DOCUMENT } from "./document.js";
export { REQUEST_TIMEOUT_MS } from "./http-client.js";
export { ListenerError, ResultListener, type ResultPost } from "./listener.js";
export { type CaseResult, createReporter, REPORTERS, type ReporterName, summaryLine } from "./reporters.js";
export {
  buildCases,
  DEFAULT_LOOPBACK_BACK,
  DEFAULT_PROFILE,
  DEFAULT_SEED,
  DEFAULT_WEBHOOK_SECRET,
  GRAMMAR_CASES,
  type RunOptions,
  type RunResult,
  runConformance,
  SCHEMA_VALUES_PER_PARAMETER,
} from "./runner.js";
export { loadScenarios, SCENARIO_DIR, type Scenario, signatureProblem } from "./scenarios.js";
export { DEFAULT_ADMIN_TOKEN, SimClient } from "./sim-client.js";
