// The simulator's control API (openapi/simulator.yaml) over real HTTP, as tests drive it.
import type { components } from "@webcallback/server/simulator";

export const ADMIN_TOKEN = "demo-admin-token";

type Schemas = components["schemas"];
// The shapes are the document's (openapi/simulator.yaml, generated into the server), not a copy.
export type SimCall = Schemas["Call"];
export type SimOffer = Schemas["Offer"];
export type SimDelivery = Schemas["Delivery"];
export type SimInteraction = Schemas["Interaction"];

export class SimClient {
  constructor(
    readonly baseUrl: string,
    private readonly token = ADMIN_TOKEN,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as T };
  }

  private async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, json } = await this.call<T>(method, path, body);
    if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(json)}`);
    return json;
  }

  advance(seconds: number): Promise<{ now: string; offsetSeconds: number }> {
    return this.ok("POST", "/sim/clock/advance", { seconds });
  }

  clock(): Promise<{ now: string; offsetSeconds: number }> {
    return this.ok("GET", "/sim/clock");
  }

  async calls(interactionGuid?: string): Promise<SimCall[]> {
    const query = interactionGuid === undefined ? "" : `?interactionGuid=${interactionGuid}`;
    return (await this.ok<{ calls: SimCall[] }>("GET", `/sim/calls${query}`)).calls;
  }

  interaction(guid: string): Promise<SimInteraction> {
    return this.ok("GET", `/sim/interactions/${guid}`);
  }

  putAgent(agentId: string, change: Record<string, unknown>): Promise<{ agentId: string; state: string }> {
    return this.ok("PUT", `/sim/agents/${agentId}`, change);
  }

  async offers(): Promise<SimOffer[]> {
    return (await this.ok<{ offers: SimOffer[] }>("GET", "/sim/offers")).offers;
  }

  accept(offerId: string): Promise<SimOffer> {
    return this.ok("POST", `/sim/offers/${offerId}/accept`);
  }

  reject(offerId: string): Promise<SimOffer> {
    return this.ok("POST", `/sim/offers/${offerId}/reject`);
  }

  end(guid: string, body: unknown = {}): Promise<SimCall> {
    return this.ok("POST", `/sim/calls/${guid}/end`, body);
  }

  async deliveries(interactionGuid?: string): Promise<SimDelivery[]> {
    const query = interactionGuid === undefined ? "" : `?interactionGuid=${interactionGuid}`;
    return (await this.ok<{ deliveries: SimDelivery[] }>("GET", `/sim/deliveries${query}`)).deliveries;
  }

  retry(deliveryId: string): Promise<SimDelivery> {
    return this.ok("POST", `/sim/deliveries/${deliveryId}/retry`);
  }
}
