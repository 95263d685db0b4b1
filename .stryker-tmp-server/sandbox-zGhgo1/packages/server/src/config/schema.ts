// @ts-nocheck
// What a configuration file may say: the JSON Schema checked at start-up, and the type
// of a file that passed it. The schema already covers what the scheduler, the dialer
// and the simulator will read (agents, dial plans, IVR scripts, webhook secret).
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { DIALPLAN_ID_PATTERN, ORIGIN_SHAPE } from "@webcallback/core";
import { TOKEN_HASH_PATTERN } from "./token-hash.js";
export interface RateWindow {
  /** Requests allowed in one window. */
  readonly limit: number;
  readonly windowSeconds: number;
}
export interface TenantRateLimit {
  /** Per tenant and customer phone number (digits). */
  readonly perPhone?: RateWindow;
  /** Per tenant and client address (the last X-Forwarded-For entry behind a trusted proxy). */
  readonly perClient?: RateWindow;
}
export interface ChannelConfig {
  /** The IVR script run when the customer answers a call placed on this channel. */
  readonly ivrScript?: string;
}
export interface QueueConfig {
  readonly enabled?: boolean;
  readonly direction: "outbound" | "inbound";
}
export interface AgentConfig {
  /** Ids of the queues the agent serves. */
  readonly queues: readonly string[];
  readonly state?: "available" | "offline";
  /** Offers are accepted without the agent's click. */
  readonly autoAccept?: boolean;
  /** The number the agent is called on before the bridge. */
  readonly phone?: string;
  /** The agent's default caller id (`caller_id=-1` on a type-2 request). */
  readonly callerId?: string;
}

/** Applied to the digits of a phone number; the first rule whose conditions hold wins. */
export interface DialPlanRule {
  /** The rule applies only to numbers of exactly this many digits. */
  readonly length?: number;
  /** The rule applies only to numbers starting with these digits. */
  readonly startsWith?: string;
  /** Digits removed from the front. */
  readonly strip?: number;
  /** Digits put in front (after strip). */
  readonly prepend?: string;
}
export interface DialPlanConfig {
  readonly rules: readonly DialPlanRule[];
}
export interface TenantConfig {
  readonly enabled?: boolean;
  readonly webCallbackEnabled?: boolean;
  /** Active tokens as `sha256:<hex>`; several during a rotation. */
  readonly tokens: readonly string[];
  /** IANA time zone for the `…TenantTT$` tokens. */
  readonly timeZone?: string;
  readonly defaultCallerId?: string;
  readonly channels?: Readonly<Record<string, ChannelConfig>>;
  readonly queues?: Readonly<Record<string, QueueConfig>>;
  readonly agents?: Readonly<Record<string, AgentConfig>>;
  readonly dialPlans?: Readonly<Record<string, DialPlanConfig>>;
  /** Id of a dial plan in dialPlans; without it numbers are dialled as given. */
  readonly defaultDialPlan?: string;
  /** Signs the result POST (Webcallback-Signature). */
  readonly webhookSecret?: string;
  readonly allowedBackOrigins?: readonly string[];
  readonly allowedCallbackHosts?: readonly string[];
  readonly allowPrivateCallbackHosts?: boolean;
  readonly rateLimit?: TenantRateLimit;
}
export interface WebhookSettings {
  /** How long a result POST is retried. */
  readonly retryForSeconds?: number;
  /** Time limit of one attempt. */
  readonly timeoutSeconds?: number;
}
export interface ConfigFile {
  readonly $schema?: string;
  /** Guards the simulator's control API, as `sha256:<hex>`. */
  readonly adminToken?: string;
  readonly webhooks?: WebhookSettings;
  readonly tenants: Readonly<Record<string, TenantConfig>>;
}
const DIGITS = stryMutAct_9fa48("454") ? "" : (stryCov_9fa48("454"), "^[0-9]+$");
const TOKEN_HASH_HINT = stryMutAct_9fa48("455") ? "" : (stryCov_9fa48("455"), "tokens are stored as their hash; `webcallback tokens hash` prints the text to paste");
const tokenHash = {
  type: "string",
  pattern: TOKEN_HASH_PATTERN,
  description: TOKEN_HASH_HINT
} as const;
const rateWindow = {
  type: "object",
  additionalProperties: false,
  required: ["limit", "windowSeconds"],
  properties: {
    limit: {
      type: "integer",
      minimum: 1
    },
    windowSeconds: {
      type: "integer",
      minimum: 1,
      maximum: 86_400
    }
  }
} as const;
const tenant = {
  type: "object",
  additionalProperties: false,
  required: ["tokens"],
  properties: {
    enabled: {
      type: "boolean"
    },
    webCallbackEnabled: {
      type: "boolean"
    },
    tokens: {
      type: "array",
      uniqueItems: true,
      items: tokenHash
    },
    timeZone: {
      type: "string",
      minLength: 1,
      description: "an IANA time zone such as America/Los_Angeles"
    },
    defaultCallerId: {
      type: "string",
      pattern: DIGITS
    },
    channels: {
      type: "object",
      propertyNames: {
        pattern: DIGITS,
        description: "a channel number is digits"
      },
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: {
          ivrScript: {
            type: "string",
            minLength: 1
          }
        }
      }
    },
    queues: {
      type: "object",
      propertyNames: {
        pattern: "^[0-9A-Za-z_.-]+$"
      },
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["direction"],
        properties: {
          enabled: {
            type: "boolean"
          },
          direction: {
            enum: ["outbound", "inbound"]
          }
        }
      }
    },
    agents: {
      type: "object",
      propertyNames: {
        pattern: "^[0-9A-Za-z_.-]+$"
      },
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["queues"],
        properties: {
          queues: {
            type: "array",
            uniqueItems: true,
            items: {
              type: "string",
              minLength: 1
            }
          },
          state: {
            enum: ["available", "offline"]
          },
          autoAccept: {
            type: "boolean"
          },
          phone: {
            type: "string",
            pattern: DIGITS
          },
          callerId: {
            type: "string",
            pattern: DIGITS
          }
        }
      }
    },
    dialPlans: {
      type: "object",
      propertyNames: {
        pattern: DIALPLAN_ID_PATTERN.source,
        description: "a dial plan id, as dialplan_id would name it"
      },
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["rules"],
        properties: {
          rules: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              properties: {
                length: {
                  type: "integer",
                  minimum: 1,
                  maximum: 15
                },
                startsWith: {
                  type: "string",
                  pattern: DIGITS
                },
                strip: {
                  type: "integer",
                  minimum: 0,
                  maximum: 15
                },
                prepend: {
                  type: "string",
                  pattern: DIGITS
                }
              }
            }
          }
        }
      }
    },
    defaultDialPlan: {
      type: "string",
      pattern: DIALPLAN_ID_PATTERN.source
    },
    webhookSecret: {
      type: "string",
      minLength: 1
    },
    allowedBackOrigins: {
      type: "array",
      uniqueItems: true,
      items: {
        type: "string",
        pattern: ORIGIN_SHAPE.source,
        description: "an origin: scheme, host and optional port (`:*` for any port), nothing after"
      }
    },
    allowedCallbackHosts: {
      type: "array",
      uniqueItems: true,
      items: {
        type: "string",
        pattern: "^(\\*\\.)?[^\\s/?#@:]+$|^\\[[0-9A-Fa-f:.]+\\]$",
        description: "a host name, *.example.com, or [IPv6]"
      }
    },
    allowPrivateCallbackHosts: {
      type: "boolean"
    },
    rateLimit: {
      type: "object",
      additionalProperties: false,
      properties: {
        perPhone: rateWindow,
        perClient: rateWindow
      }
    }
  }
} as const;

/** The JSON Schema (draft-07) of a configuration file. */
export const CONFIG_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://webcallback.dev/schema/config.json",
  title: "webcallback server configuration",
  type: "object",
  additionalProperties: false,
  required: ["tenants"],
  properties: {
    $schema: {
      type: "string"
    },
    adminToken: tokenHash,
    webhooks: {
      type: "object",
      additionalProperties: false,
      properties: {
        retryForSeconds: {
          type: "integer",
          minimum: 60
        },
        timeoutSeconds: {
          type: "integer",
          minimum: 1,
          maximum: 300
        }
      }
    },
    tenants: {
      type: "object",
      minProperties: 1,
      propertyNames: {
        pattern: "^\\S(.*\\S)?$",
        description: "a tenant name has no surrounding white space"
      },
      additionalProperties: tenant
    }
  }
} as const;