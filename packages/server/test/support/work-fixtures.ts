// The demo tenant Acme, a fixed time, and the fields every request of the scheduling rules' tests shares.
import { ConfigTenant } from "../../src/config/config-directory.js";
import { demoConfig } from "../../src/config/demo-directory.js";

export const ACME = new ConfigTenant("Acme", demoConfig().tenants.Acme as NonNullable<ReturnType<typeof demoConfig>["tenants"]["Acme"]>);

/** 2026-12-02 12:00 UTC. */
export const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

/** A request's fields but its type: no user data, the tenant's default caller id. */
export const REQUEST_BASE = {
  tenant: "Acme",
  phone: "6505551212",
  callerId: { kind: "tenant-default", number: "18006660000" },
  back: undefined,
  dialplanId: undefined,
  userData: [],
  systemData: [],
  callbackUrl: undefined,
  extTransactionData: [],
} as const;
