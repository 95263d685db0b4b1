// Who is dialled, from which caller id: the seed's rules for caller_id and dialplan_id.
import type { CallbackRequest } from "@webcallback/core";
import type { ConfigTenant } from "../config/config-directory.js";
import { applyDialPlan } from "../config/dial-plan.js";
import type { AgentRecord } from "../store/store.js";

export const ANONYMOUS = "Anonymous";

/**
 * The caller id of the customer leg: `Anonymous`, a channel of the tenant, the agent's default
 * for `-1` on a type-2 request (else the tenant's), or the tenant's default.
 */
export function callerIdFor(request: CallbackRequest, tenant: ConfigTenant | undefined, agent?: AgentRecord): string {
  const id = request.callerId;
  switch (id.kind) {
    case "anonymous":
      return ANONYMOUS;
    case "channel":
      return id.number;
    case "agent-default":
      return agent?.defaultCallerId ?? tenant?.defaultCallerId ?? "";
    case "tenant-default":
      return tenant?.defaultCallerId ?? id.number;
  }
}

/** The customer's number after the request's dial plan, else the tenant's default one. */
export function numberToDial(request: CallbackRequest, tenant: ConfigTenant | undefined): string {
  return applyDialPlan(tenant?.dialPlanRules(request.dialplanId), request.phone);
}
