// The demo directory of CONTRACT.md section 8, built in so `npm start` works with no file.
// Its tokens are public (the seed prints Acme's), so they live here in plain text and are
// hashed on load like any other.
import { ConfigDirectory } from "./config-directory.js";
import type { ConfigFile } from "./schema.js";
import { hashToken } from "./token-hash.js";

/** The demo's plain tokens, for tests and examples; a real file holds hashes only. */
export const DEMO_TOKENS = {
  admin: "demo-admin-token",
  Acme: "fb65d0515b9631c6db72e7e66fe6df49",
  Globex: "0123456789abcdef0123456789abcdef",
  Initech: "fedcba9876543210fedcba9876543210",
} as const;

const LOOPBACK_BACK_ORIGINS = ["http://localhost:*", "http://127.0.0.1:*"];

/** The demo configuration, as a file would say it. */
export function demoConfig(): ConfigFile {
  return {
    // CONTRACT.md section 8: the demo directory has no limits.
    failedAuthLimit: false,
    adminToken: hashToken(DEMO_TOKENS.admin),
    tenants: {
      Acme: {
        enabled: true,
        webCallbackEnabled: true,
        tokens: [hashToken(DEMO_TOKENS.Acme)],
        timeZone: "America/Los_Angeles",
        defaultCallerId: "18006660000",
        channels: {
          "18006661212": { ivrScript: "Acme main menu" },
          "18006664444": {},
        },
        queues: {
          "103": { enabled: true, direction: "outbound" },
          "104": { enabled: false, direction: "outbound" },
          "105": { enabled: true, direction: "inbound" },
        },
        agents: {
          "agent-1": { queues: ["103"], state: "available", autoAccept: true },
        },
        // Plan 1 gives a 10-digit number a leading 1; with no defaultDialPlan numbers are dialled as given.
        dialPlans: { "1": { rules: [{ length: 10, prepend: "1" }] } },
        webhookSecret: "demo-webhook-secret",
        allowedBackOrigins: ["http://www.acmejet.com", ...LOOPBACK_BACK_ORIGINS],
        allowedCallbackHosts: ["mywebporter.com", "localhost", "127.0.0.1"],
        // Loopback result POSTs for the demo tenant only, so tests can receive them.
        allowPrivateCallbackHosts: true,
      },
      Globex: {
        enabled: true,
        webCallbackEnabled: false,
        tokens: [hashToken(DEMO_TOKENS.Globex)],
        allowedBackOrigins: [...LOOPBACK_BACK_ORIGINS],
      },
      Initech: {
        enabled: false,
        tokens: [hashToken(DEMO_TOKENS.Initech)],
        allowedBackOrigins: [...LOOPBACK_BACK_ORIGINS],
      },
    },
  };
}

/** The demo directory: its tokens go through the same hashes as any configuration file's. */
export function demoDirectory(): ConfigDirectory {
  return new ConfigDirectory(demoConfig());
}
