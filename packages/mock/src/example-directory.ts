// The mock's tenant directory, read from the document's own examples: every tenant, token,
// channel, queue, dial plan and origin an example names is known, and each error example's
// x-request says which of them is disabled, unknown or refused. Nothing is written twice.
import {
  CTL_ERROR,
  constantTimeEqual,
  type Directory,
  type DirectoryChannel,
  type DirectoryQueue,
  type DirectoryTenant,
  ERROR_EXAMPLES,
  parseHttpUrl,
  parseUserData,
  REQUEST_EXAMPLES,
} from "@webcallback/core";

/**
 * Origins every example tenant also allows for `back`, so a partner's page on their own machine gets redirects.
 * @default ["http://localhost:*", "http://127.0.0.1:*"]
 */
export const LOCAL_BACK_ORIGINS: readonly string[] = ["http://localhost:*", "http://127.0.0.1:*"];

/**
 * Hosts every example tenant also allows for `ctl_callbackUrl` (the mock never posts results).
 * @default ["localhost", "127.0.0.1"]
 */
export const LOCAL_CALLBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1"];

/** The time zone of the example tenants; the mock expands no tokens, so it only fills the field. @default "UTC" */
export const EXAMPLE_TIME_ZONE = "UTC";

type Request = Readonly<Record<string, string | undefined>>;

interface TenantFacts {
  enabled: boolean;
  webCallbackEnabled: boolean;
  readonly tokens: Set<string>;
  readonly refusedTokens: Set<string>;
  readonly channels: Set<string>;
  readonly refusedChannels: Set<string>;
  readonly queues: Map<string, DirectoryQueue>;
  readonly refusedQueues: Set<string>;
  readonly dialPlans: Set<string>;
  readonly refusedDialPlans: Set<string>;
  readonly backOrigins: Set<string>;
  readonly callbackHosts: Set<string>;
  readonly refusedCallbackHosts: Set<string>;
  defaultCallerId: string | undefined;
}

function facts(): TenantFacts {
  return {
    enabled: true,
    webCallbackEnabled: true,
    tokens: new Set(),
    refusedTokens: new Set(),
    channels: new Set(),
    refusedChannels: new Set(),
    queues: new Map(),
    refusedQueues: new Set(),
    dialPlans: new Set(),
    refusedDialPlans: new Set(),
    backOrigins: new Set(LOCAL_BACK_ORIGINS),
    callbackHosts: new Set(LOCAL_CALLBACK_HOSTS),
    refusedCallbackHosts: new Set(),
    defaultCallerId: undefined,
  };
}

function callbackHost(request: Request): string | undefined {
  const text = request.ctl_userdata;
  if (text === undefined) return undefined;
  const parsed = parseUserData(text);
  if (!parsed.ok) return undefined;
  const url = parsed.pairs.find((pair) => pair.name === "ctl_callbackUrl")?.value;
  return url === undefined ? undefined : parseHttpUrl(url.trim())?.hostname;
}

/** What one example request says about its tenant; `code` is the error it provokes, if any. */
function learn(tenant: TenantFacts, request: Request, code: number | undefined): void {
  const { token, channel_number: channel, queue_id: queue, dialplan_id: dialPlan, back, caller_id: callerId } = request;
  if (code === CTL_ERROR.TENANT_NOT_ENABLED) tenant.enabled = false;
  if (code === CTL_ERROR.WEB_CALLBACK_NOT_ENABLED) tenant.webCallbackEnabled = false;
  if (token !== undefined) (code === CTL_ERROR.INVALID_TOKEN ? tenant.refusedTokens : tenant.tokens).add(token);
  if (channel !== undefined) (code === CTL_ERROR.INVALID_CHANNEL ? tenant.refusedChannels : tenant.channels).add(channel);
  if (callerId !== undefined && /^[0-9]+$/.test(callerId)) {
    tenant.channels.add(callerId);
    tenant.defaultCallerId ??= callerId;
  }
  if (queue !== undefined) {
    if (code === CTL_ERROR.INVALID_QUEUE) tenant.refusedQueues.add(queue);
    else if (code === CTL_ERROR.QUEUE_DISABLED) tenant.queues.set(queue, { id: queue, enabled: false, direction: "outbound" });
    else if (code === CTL_ERROR.QUEUE_NOT_OUTBOUND) tenant.queues.set(queue, { id: queue, enabled: true, direction: "inbound" });
    else if (!tenant.queues.has(queue)) tenant.queues.set(queue, { id: queue, enabled: true, direction: "outbound" });
  }
  if (dialPlan !== undefined) (code === CTL_ERROR.INVALID_DIALPLAN ? tenant.refusedDialPlans : tenant.dialPlans).add(dialPlan);
  const origin = back === undefined ? undefined : parseHttpUrl(back)?.origin;
  if (origin !== undefined && code !== CTL_ERROR.BACK_NOT_ALLOWED) tenant.backOrigins.add(origin);
  const host = callbackHost(request);
  if (host !== undefined) (code === CTL_ERROR.CALLBACK_URL_NOT_ALLOWED ? tenant.refusedCallbackHosts : tenant.callbackHosts).add(host);
}

function toTenant(name: string, f: TenantFacts): DirectoryTenant {
  for (const token of f.refusedTokens) f.tokens.delete(token);
  for (const channel of f.refusedChannels) f.channels.delete(channel);
  for (const queue of f.refusedQueues) f.queues.delete(queue);
  for (const plan of f.refusedDialPlans) f.dialPlans.delete(plan);
  for (const host of f.refusedCallbackHosts) f.callbackHosts.delete(host);
  const tokens = [...f.tokens];
  const channels = new Map<string, DirectoryChannel>([...f.channels].map((number) => [number, { number }]));
  return {
    name,
    enabled: f.enabled,
    webCallbackEnabled: f.webCallbackEnabled,
    timeZone: EXAMPLE_TIME_ZONE,
    defaultCallerId: f.defaultCallerId ?? [...f.channels][0] ?? "",
    allowedBackOrigins: [...f.backOrigins],
    allowedCallbackHosts: [...f.callbackHosts],
    allowPrivateCallbackHosts: true,
    tokenMatches: (token) => tokens.some((known) => constantTimeEqual(known, token)),
    channel: (number) => channels.get(number),
    queue: (id) => f.queues.get(id),
    hasDialPlan: (id) => f.dialPlans.has(id),
  };
}

export interface ExampleDirectory extends Directory {
  /** Every tenant's allowed back origins: the pages that may call the mock from a browser (CORS). */
  readonly allBackOrigins: readonly string[];
}

/**
 * The directory the document's examples describe. `parameterExamples` are the `example`
 * values of the document's parameters (a dial plan id, a channel, a queue), known to the
 * first tenant of the request examples.
 */
export function exampleDirectory(parameterExamples: Readonly<Record<string, string>> = {}): ExampleDirectory {
  const tenants = new Map<string, TenantFacts>();
  const tenantOf = (request: Request): TenantFacts | undefined => {
    const name = request.tenant;
    if (name === undefined) return undefined;
    let found = tenants.get(name);
    if (found === undefined) {
      found = facts();
      tenants.set(name, found);
    }
    return found;
  };
  for (const example of Object.values(REQUEST_EXAMPLES)) {
    const request = example.value as Request;
    const tenant = tenantOf(request);
    if (tenant !== undefined) learn(tenant, request, undefined);
  }
  const first = tenants.values().next().value;
  if (first !== undefined) learn(first, parameterExamples, undefined);
  for (const example of ERROR_EXAMPLES) {
    if (example.request === null) continue;
    const request = example.request as Request;
    const tenant = tenantOf(request);
    if (tenant !== undefined) learn(tenant, request, example.code);
  }
  const directory = new Map([...tenants].map(([name, f]) => [name, toTenant(name, f)]));
  const origins = new Set([...directory.values()].flatMap((tenant) => tenant.allowedBackOrigins));
  return { tenant: (name) => directory.get(name), allBackOrigins: [...origins] };
}
