// Stateful scenarios (full profile), each a data file in scenarios/ naming the rule it checks.
// Steps: request, advance, advanceUntil, setAgent, expectCalls, expectInteraction, expectResult.
// The clock is advanced through the simulator, never waited on.
import { createHmac, timingSafeEqual } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { type CaseContext, CaseFailure, type ConformanceCase, type Outcome } from "./case.js";
import { expectAccepted } from "./expect.js";
import { describeReceived, describeSent, type Method, request, send } from "./http-client.js";
import type { SimAgent, SimAgentChange, SimCall, SimClient, SimInteraction } from "./sim-client.js";

/** Where the scenario files live, beside this package's dist/. */
export const SCENARIO_DIR = new URL("../scenarios/", import.meta.url);

type FieldWant = string | { readonly pattern: string };

/** Call legs of one request the scenario sent. */
interface CallsOf {
  readonly of: string;
  readonly leg?: "customer" | "agent";
  readonly count: number;
}

/**
 * Advances the clock in rounds until the request has at least `count` such calls: work queued
 * ahead of it (earlier runs, other traffic) is served first, so a fixed advance cannot be enough.
 */
interface AdvanceUntil extends CallsOf {
  /** The first round's advance; each round doubles it, up to MAX_ROUND_SECONDS. */
  readonly stepSeconds: number;
  /** The most clock the step may advance in all. */
  readonly withinSeconds: number;
  /** The most rounds (advances) it may take. */
  readonly maxRounds: number;
}

type Step =
  | { readonly request: Readonly<Record<string, string>>; readonly as: string; readonly method?: Method }
  | { readonly advance: number }
  | { readonly advanceUntil: AdvanceUntil }
  | { readonly setAgent: { readonly agentId: string } & SimAgentChange }
  | { readonly expectCalls: CallsOf & { readonly match?: Readonly<Record<string, string>> } }
  | { readonly expectInteraction: { readonly of: string; readonly state?: string; readonly result?: string } }
  | {
      readonly expectResult: {
        readonly of: string;
        readonly fields: Readonly<Record<string, FieldWant>>;
        readonly order?: readonly string[];
        readonly absent?: readonly string[];
        readonly signed?: boolean;
      };
    };

export interface Scenario {
  readonly id: string;
  readonly rule: string;
  readonly steps: readonly Step[];
}

const STEP_KINDS = ["request", "advance", "advanceUntil", "setAgent", "expectCalls", "expectInteraction", "expectResult"];

/** The largest single advance of `advanceUntil`: few rounds for a long backlog, little clock spent past the calls. @default 600 */
export const MAX_ROUND_SECONDS = 600;

/** What is wrong with a step's own fields, where a mistake would make it loop or never run. */
function stepProblem(step: Step): string | undefined {
  if (!("advanceUntil" in step)) return undefined;
  const want = step.advanceUntil;
  for (const name of ["stepSeconds", "withinSeconds", "maxRounds", "count"] as const) {
    const value: unknown = want[name];
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return `advanceUntil.${name} must be a number above 0`;
  }
  return typeof want.of === "string" ? undefined : "advanceUntil.of must name a request";
}

export function loadScenarios(dir: URL = SCENARIO_DIR): Scenario[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();
  return files.map((name) => {
    const scenario = JSON.parse(readFileSync(new URL(name, dir), "utf8")) as Scenario;
    if (typeof scenario.id !== "string" || typeof scenario.rule !== "string" || !Array.isArray(scenario.steps)) {
      throw new Error(`scenarios/${name}: needs id, rule and steps`);
    }
    scenario.steps.forEach((step, i) => {
      const kinds = Object.keys(step).filter((key) => STEP_KINDS.includes(key));
      if (kinds.length !== 1) throw new Error(`scenarios/${name}: step ${i + 1} must have exactly one of ${STEP_KINDS.join(", ")}`);
      const problem = stepProblem(step);
      if (problem !== undefined) throw new Error(`scenarios/${name}: step ${i + 1}: ${problem}`);
    });
    return scenario;
  });
}

/** Verifies `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>` (CONTRACT §5). */
export function signatureProblem(header: string | undefined, body: string, secret: string): string | undefined {
  if (header === undefined) return "the result POST has no Webcallback-Signature header";
  const match = /^t=([0-9]+),v1=([0-9a-f]{64})$/.exec(header);
  if (match === null) return `Webcallback-Signature must read t=<seconds>,v1=<64 hex>, got ${JSON.stringify(header)}`;
  const want = createHmac("sha256", secret).update(`${match[1]}.${body}`).digest();
  const got = Buffer.from(match[2] ?? "", "hex");
  return got.length === want.length && timingSafeEqual(got, want)
    ? undefined
    : "Webcallback-Signature v1 is not the HMAC-SHA256 of t.body with the tenant's webhook secret";
}

class ScenarioRun {
  private readonly guids = new Map<string, string>();
  /** Each named request as sent, and the server clock just before: the queue it waits in, and since when. */
  private readonly sent = new Map<string, { readonly params: Readonly<Record<string, string>>; readonly at: string }>();
  readonly exchanges: string[] = [];
  /** Agents as they were before the scenario changed them, put back at the end. */
  private readonly changedAgents = new Map<string, SimAgent | undefined>();

  constructor(
    private readonly context: CaseContext,
    private readonly sim: SimClient,
  ) {}

  private fill(text: string): string {
    return text
      .replaceAll("{listener}", this.context.listener?.url ?? "")
      .replace(/\{guid:([A-Za-z0-9_]+)\}/g, (_, name: string) => this.guid(name));
  }

  private guid(name: string): string {
    const guid = this.guids.get(name);
    if (guid === undefined) throw new CaseFailure([`the scenario refers to request "${name}" before sending it`]);
    return guid;
  }

  async step(step: Step): Promise<void> {
    if ("request" in step) {
      const params = Object.fromEntries(Object.entries(step.request).map(([k, v]) => [k, this.fill(v)]));
      const type = params.callback_type === "2" ? 2 : 1;
      const sent = request(step.method ?? "GET", params);
      const at = (await this.sim.clock()).now;
      const received = await send(this.context.baseUrl, sent, this.context.requestTimeoutMs);
      this.exchanges.push(`sent: ${describeSent(sent)}\n    got:  ${describeReceived(received)}`);
      const problems = expectAccepted(received, type, "json");
      if (problems.length > 0) throw new CaseFailure(problems);
      this.guids.set(step.as, (received.json as { interaction_guid: string }).interaction_guid);
      this.sent.set(step.as, { params, at });
    } else if ("advance" in step) {
      await this.sim.advance(step.advance);
      this.exchanges.push(`clock advanced ${step.advance} s`);
    } else if ("advanceUntil" in step) {
      await this.advanceUntil(step.advanceUntil);
    } else if ("setAgent" in step) {
      const { agentId, ...change } = step.setAgent;
      if (!this.changedAgents.has(agentId))
        this.changedAgents.set(
          agentId,
          (await this.sim.agents()).find((a) => a.agentId === agentId),
        );
      await this.sim.putAgent(agentId, change);
    } else if ("expectCalls" in step) {
      const want = step.expectCalls;
      const all = await this.sim.calls(this.guid(want.of));
      const calls = legs(all, want);
      const what = callsOf(want);
      this.exchanges.push(`GET /sim/calls: ${JSON.stringify(all)}`);
      if (calls.length !== want.count) throw new CaseFailure([`expected ${want.count} ${what}, found ${calls.length}`]);
      const match = want.match;
      if (match !== undefined) {
        const fits = (call: SimCall) => Object.entries(match).every(([k, v]) => (call as unknown as Record<string, unknown>)[k] === v);
        if (!calls.some(fits)) throw new CaseFailure([`no ${what} has ${JSON.stringify(match)}`]);
      }
    } else if ("expectInteraction" in step) {
      const want = step.expectInteraction;
      const got = await this.sim.interaction(this.guid(want.of));
      this.exchanges.push(`GET /sim/interactions/${got.interactionGuid}: ${JSON.stringify(got)}`);
      const problems: string[] = [];
      if (want.state !== undefined && got.state !== want.state)
        problems.push(`interaction "${want.of}" must be ${want.state}, is ${got.state}`);
      if (want.result !== undefined && got.result !== want.result)
        problems.push(`interaction "${want.of}" must end ${want.result}, ended ${String(got.result)}`);
      if (problems.length > 0) throw new CaseFailure(problems);
    } else {
      await this.expectResult(step.expectResult);
    }
  }

  private async advanceUntil(want: AdvanceUntil): Promise<void> {
    const guid = this.guid(want.of);
    let advanced = 0;
    let rounds = 0;
    let next = want.stepSeconds;
    for (;;) {
      const found = legs(await this.sim.calls(guid), want).length;
      if (found >= want.count) {
        this.exchanges.push(`clock advanced ${advanced} s in ${rounds} rounds until request "${want.of}" had ${found} ${callsOf(want)}`);
        return;
      }
      const left = want.withinSeconds - advanced;
      const interaction = await this.sim.interaction(guid);
      // A request that ended, or one past the bounds, gets no more calls from more clock.
      if (interaction.state === "done" || rounds >= want.maxRounds || left <= 0) {
        this.exchanges.push(`GET /sim/interactions/${guid}: ${JSON.stringify(interaction)}`);
        const spent = `after the clock advanced ${advanced} s in ${rounds} rounds (at most ${want.withinSeconds} s, ${want.maxRounds} rounds)`;
        const problem = `expected ${want.count} ${callsOf(want)}, found ${found} ${spent}`;
        throw new CaseFailure([
          interaction.state === "done"
            ? `${problem}; request "${want.of}" ended ${String(interaction.result)} instead`
            : `${problem}; request "${want.of}" is still ${interaction.state}${await this.servedAhead(want.of, interaction)}`,
        ]);
      }
      const seconds = Math.min(next, left);
      await this.sim.advance(seconds);
      advanced += seconds;
      rounds++;
      next = Math.min(next * 2, MAX_ROUND_SECONDS);
    }
  }

  /** Other requests of its queue that reached an agent while it waited (first in, first out): the work ahead of it, as calls show it. */
  private async servedAhead(name: string, interaction: SimInteraction): Promise<string> {
    const sent = this.sent.get(name);
    const queue = sent?.params.queue_id?.trim();
    if (sent === undefined || queue === undefined || queue === "") return "";
    const from = Date.parse(sent.at);
    const others = new Set(
      (await this.sim.allCalls())
        .filter((c) => c.leg === "agent" && c.queueId === queue && c.interactionGuid !== interaction.interactionGuid)
        .filter((c) => Date.parse(c.placedAt) >= from)
        .map((c) => c.interactionGuid),
    );
    return others.size === 0
      ? `; the simulator lists no agent call for another request of queue ${queue} since it was sent: is an agent serving that queue available?`
      : `; ${others.size} other requests of queue ${queue} reached an agent since it was sent, ahead of it (first in, first out), and its turn had not come`;
  }

  private async expectResult(want: Extract<Step, { expectResult: unknown }>["expectResult"]): Promise<void> {
    const listener = this.context.listener;
    if (listener === undefined) throw new CaseFailure(["no result listener is running"]);
    const guid = this.guid(want.of);
    // The advance answers after due deliveries ran; a little grace covers a slow socket.
    let posts = listener.postsFor(guid);
    for (let i = 0; i < 20 && posts.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      posts = listener.postsFor(guid);
    }
    const post = posts[0];
    if (post === undefined) throw new CaseFailure([`no result POST for request "${want.of}" reached ${listener.url} (CONTRACT §5)`]);
    this.exchanges.push(`result POST received: ${JSON.stringify(post.headers)}\n      ${post.body}`);
    const problems: string[] = [];
    for (const [name, field] of Object.entries(want.fields)) {
      const value = post.fields.get(name);
      if (typeof field === "string") {
        const expected = this.fill(field);
        if (value !== expected) problems.push(`field ${name} must be ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`);
      } else if (value === null || !new RegExp(field.pattern).test(value)) {
        problems.push(`field ${name} must match /${field.pattern}/, got ${JSON.stringify(value)}`);
      }
    }
    if (want.order !== undefined) {
      const names = [...post.fields.keys()].filter((name) => want.order?.includes(name));
      if (names.join(",") !== want.order.join(","))
        problems.push(`user-data pairs must come in request order ${want.order.join(",")}, got ${names.join(",")}`);
      const firstSystem = [...post.fields.keys()].findIndex((name) => name.startsWith("ctl_"));
      const lastUser = Math.max(...want.order.map((name) => [...post.fields.keys()].indexOf(name)));
      if (firstSystem !== -1 && firstSystem < lastUser) problems.push("user-data pairs must come before the system fields");
    }
    for (const name of want.absent ?? [])
      if (post.fields.has(name)) problems.push(`field ${name} must not be posted (ctl_ pairs stay out)`);
    const key = post.headers["idempotency-key"];
    if (typeof key !== "string" || key === "") problems.push("the result POST needs an Idempotency-Key header");
    if (want.signed === true) {
      const header = post.headers["webcallback-signature"];
      const problem = signatureProblem(typeof header === "string" ? header : undefined, post.body, this.context.webhookSecret);
      if (problem !== undefined) problems.push(problem);
    }
    if (problems.length > 0) throw new CaseFailure(problems);
  }

  async restore(): Promise<void> {
    for (const [agentId, before] of this.changedAgents) {
      if (before === undefined) continue;
      const { agentId: _id, ...state } = before;
      await this.sim.putAgent(agentId, {
        state: state.state === "offline" ? "offline" : "available",
        queues: state.queues,
        autoAccept: state.autoAccept,
      });
    }
  }
}

/** The calls of `want.leg` (every leg when absent) among `calls`. */
function legs(calls: readonly SimCall[], want: CallsOf): SimCall[] {
  return calls.filter((call) => want.leg === undefined || call.leg === want.leg);
}

function callsOf(want: CallsOf): string {
  return `${want.leg ?? "any"} calls of request "${want.of}"`;
}

export function scenarioCase(scenario: Scenario): ConformanceCase {
  return {
    id: `scenario/${scenario.id}`,
    rule: scenario.rule,
    profile: "full",
    async run(context): Promise<Outcome> {
      const sim = context.sim;
      if (sim === undefined) return { status: "skipped", reason: context.simUnavailable ?? "the target offers no simulator" };
      const run = new ScenarioRun(context, sim);
      try {
        for (const step of scenario.steps) await run.step(step);
        return { status: "passed" };
      } catch (error) {
        const problems = error instanceof CaseFailure ? error.problems : [(error as Error).message];
        return { status: "failed", exchanges: run.exchanges, problems };
      } finally {
        await run.restore().catch(() => undefined);
      }
    },
  };
}
