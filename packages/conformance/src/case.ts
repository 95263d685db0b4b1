// A conformance case: a name, the rule it checks, and a run that reports what went wrong.
import type { Params } from "./http-client.js";

export type Profile = "stateless" | "full";

export interface CaseContext {
  readonly baseUrl: string;
  /** How long one request to the target may take. @default REQUEST_TIMEOUT_MS */
  readonly requestTimeoutMs?: number;
  /** The stateful parts, present in the full profile once the simulator answered. */
  readonly sim?: import("./sim-client.js").SimClient;
  /** Why the stateful scenarios cannot run, when they cannot. */
  readonly simUnavailable?: string;
  /** The runner's result-POST listener, in the full profile. */
  readonly listener?: import("./listener.js").ResultListener;
  readonly webhookSecret: string;
  /** A loopback back URL every demo tenant allows. */
  readonly loopbackBack: string;
  /**
   * The target is Prism in proxy mode: an `sl-violations` header about the response fails the
   * case, and so does one about the request when the server accepted it.
   */
  readonly failOnViolations?: boolean;
}

export type Outcome =
  | { readonly status: "passed" }
  | { readonly status: "skipped"; readonly reason: string }
  | {
      readonly status: "failed";
      /** What the runner sent and got, one block per exchange. */
      readonly exchanges: readonly string[];
      readonly problems: readonly string[];
    };

export interface ConformanceCase {
  /** Unique, stable between runs with the same seed; `--filter` matches it. */
  readonly id: string;
  /** The rule: a document rule, a CONTRACT.md section or an error code. */
  readonly rule: string;
  readonly profile: Profile;
  run(context: CaseContext): Promise<Outcome>;
}

/** A failure raised inside a case: the case fails with its problems, nothing else stops. */
export class CaseFailure extends Error {
  override readonly name = "CaseFailure";
  constructor(
    readonly problems: readonly string[],
    readonly exchanges: readonly string[] = [],
  ) {
    super(problems.join("; "));
  }
}

export type { Params };
