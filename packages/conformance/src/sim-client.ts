// The simulator control API (openapi/simulator.yaml, /sim/...): the clock, calls, agents and deliveries.
// Its shapes are generated from that document (src/generated/simulator.ts).
import type { components } from "./generated/simulator.js";

export type SimCall = components["schemas"]["Call"];
export type SimInteraction = components["schemas"]["Interaction"];
export type SimAgent = components["schemas"]["Agent"];
export type SimAgentChange = components["schemas"]["AgentChange"];
export type SimClock = components["schemas"]["Clock"];

/** A failed call to the simulator, with what was asked and what came back. */
export class SimError extends Error {
  override readonly name = "SimError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The admin token of the demo directory (CONTRACT §8). @default "demo-admin-token" */
export const DEFAULT_ADMIN_TOKEN = "demo-admin-token";

export class SimClient {
  constructor(
    private readonly baseUrl: string,
    private readonly adminToken: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl.replace(/\/+$/, "")}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.adminToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new SimError(`${method} ${path} answered ${response.status} ${text.slice(0, 200)}`, response.status);
    return (text === "" ? {} : JSON.parse(text)) as T;
  }

  /** undefined when the target offers no simulator (404), else the clock. */
  async probe(): Promise<SimClock | undefined> {
    try {
      return await this.clock();
    } catch (error) {
      if (error instanceof SimError && error.status === 404) return undefined;
      throw error;
    }
  }

  clock(): Promise<SimClock> {
    return this.call("GET", "/sim/clock");
  }

  advance(seconds: number): Promise<SimClock> {
    return this.call("POST", "/sim/clock/advance", { seconds });
  }

  async calls(interactionGuid: string): Promise<SimCall[]> {
    const answer = await this.call<{ calls: SimCall[] }>("GET", `/sim/calls?interactionGuid=${encodeURIComponent(interactionGuid)}`);
    return answer.calls.filter((call) => call.interactionGuid === interactionGuid);
  }

  /** Every call leg the simulator lists, oldest first, whatever its interaction. */
  async allCalls(): Promise<SimCall[]> {
    return (await this.call<{ calls: SimCall[] }>("GET", "/sim/calls")).calls;
  }

  interaction(guid: string): Promise<SimInteraction> {
    return this.call("GET", `/sim/interactions/${encodeURIComponent(guid)}`);
  }

  async agents(): Promise<SimAgent[]> {
    return (await this.call<{ agents: SimAgent[] }>("GET", "/sim/agents")).agents;
  }

  putAgent(agentId: string, change: SimAgentChange): Promise<SimAgent> {
    return this.call("PUT", `/sim/agents/${encodeURIComponent(agentId)}`, change);
  }
}
