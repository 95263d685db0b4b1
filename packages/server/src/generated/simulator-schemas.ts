// generated from openapi/simulator.yaml by scripts/generate.ts; do not edit.

/** The document's component schemas (JSON Schema 2020-12); `$ref`s point at `#/components/schemas/…`. */
export const SIMULATOR_SCHEMAS = {
  "AgentId": {
    "type": "string",
    "description": "An agent's id.",
    "pattern": "^[0-9A-Za-z_.-]{1,64}$"
  },
  "Problem": {
    "type": "object",
    "description": "What went wrong.",
    "required": [
      "error"
    ],
    "properties": {
      "error": {
        "type": "string",
        "description": "A sentence naming the rule that failed."
      }
    }
  },
  "Clock": {
    "type": "object",
    "description": "The server clock.",
    "required": [
      "now",
      "offsetSeconds"
    ],
    "properties": {
      "now": {
        "type": "string",
        "format": "date-time",
        "description": "The server clock now."
      },
      "offsetSeconds": {
        "type": "number",
        "description": "How far the server clock is ahead of real time."
      }
    }
  },
  "AdvanceRequest": {
    "type": "object",
    "description": "How far to move the clock.",
    "additionalProperties": false,
    "required": [
      "seconds"
    ],
    "properties": {
      "seconds": {
        "type": "number",
        "exclusiveMinimum": 0,
        "maximum": 31536000,
        "description": "Seconds to move forward (more than 0, at most a year)."
      }
    }
  },
  "TransactionCode": {
    "type": "object",
    "description": "A transaction code the agent selected.",
    "additionalProperties": false,
    "required": [
      "list",
      "code"
    ],
    "properties": {
      "list": {
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
        "description": "The transaction code list's name."
      },
      "code": {
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
        "description": "The code's short name."
      },
      "description": {
        "type": "string",
        "maxLength": 1000,
        "description": "The code's text."
      }
    }
  },
  "EndCallRequest": {
    "type": "object",
    "description": "What the agent selected and wrote before hanging up.",
    "additionalProperties": false,
    "properties": {
      "transactionCodes": {
        "type": "array",
        "maxItems": 50,
        "description": "In the order selected.",
        "items": {
          "$ref": "#/components/schemas/TransactionCode"
        }
      },
      "notes": {
        "type": "string",
        "maxLength": 4000,
        "description": "The agent's notes."
      }
    }
  },
  "Call": {
    "type": "object",
    "description": "One call leg.",
    "required": [
      "callId",
      "interactionGuid",
      "tenant",
      "leg",
      "numberDialled",
      "callerId",
      "state",
      "placedAt"
    ],
    "properties": {
      "callId": {
        "type": "string",
        "description": "The call's id, also `$transaction_id$`."
      },
      "interactionGuid": {
        "type": "string",
        "description": "The interaction the call belongs to."
      },
      "tenant": {
        "type": "string",
        "description": "The tenant."
      },
      "leg": {
        "type": "string",
        "enum": [
          "customer",
          "agent"
        ],
        "description": "Whom the leg calls."
      },
      "numberDialled": {
        "type": "string",
        "description": "The number after the dial plan (an agent leg dials the agent's phone, or its id)."
      },
      "callerId": {
        "type": "string",
        "description": "`Anonymous` or digits."
      },
      "channel": {
        "type": "string",
        "description": "Type 1, the request's channel."
      },
      "ivrScript": {
        "type": "string",
        "description": "Type 1, the channel's IVR script, recorded when the customer answers."
      },
      "queueId": {
        "type": "string",
        "description": "Type 2, the queue."
      },
      "agentId": {
        "type": "string",
        "description": "Type 2, the agent."
      },
      "state": {
        "type": "string",
        "enum": [
          "ringing",
          "answered",
          "ended"
        ],
        "description": "Where the call stands."
      },
      "outcome": {
        "type": "string",
        "enum": [
          "completed",
          "no_answer",
          "busy",
          "failed"
        ],
        "description": "How it ended."
      },
      "placedAt": {
        "type": "string",
        "format": "date-time",
        "description": "When the call was placed."
      },
      "answeredAt": {
        "type": "string",
        "format": "date-time",
        "description": "When it was answered."
      },
      "endedAt": {
        "type": "string",
        "format": "date-time",
        "description": "When it ended."
      }
    }
  },
  "CallList": {
    "type": "object",
    "description": "Calls, oldest first.",
    "required": [
      "calls"
    ],
    "properties": {
      "calls": {
        "type": "array",
        "description": "The calls.",
        "items": {
          "$ref": "#/components/schemas/Call"
        }
      },
      "truncated": {
        "type": "boolean",
        "description": "Present and true when there are more than the 10,000 listed (the oldest); ask for one interaction's with `interactionGuid`."
      }
    }
  },
  "Interaction": {
    "type": "object",
    "description": "An accepted request.",
    "required": [
      "interactionGuid",
      "tenant",
      "callbackType",
      "state"
    ],
    "properties": {
      "interactionGuid": {
        "type": "string",
        "description": "The guid the server answered with."
      },
      "tenant": {
        "type": "string",
        "description": "The tenant."
      },
      "callbackType": {
        "type": "integer",
        "enum": [
          1,
          2
        ],
        "description": "The request's callback_type."
      },
      "state": {
        "type": "string",
        "enum": [
          "pending",
          "queued",
          "offered",
          "calling",
          "done"
        ],
        "description": "Where it stands."
      },
      "result": {
        "type": "string",
        "enum": [
          "completed",
          "no_answer",
          "busy",
          "failed",
          "expired"
        ],
        "description": "Once done, its ctl_result."
      },
      "dueAt": {
        "type": "string",
        "format": "date-time",
        "description": "Type 1, when the call is placed."
      },
      "expiresAt": {
        "type": "string",
        "format": "date-time",
        "description": "Type 2, when it leaves its queue unanswered."
      }
    }
  },
  "Agent": {
    "type": "object",
    "description": "A simulated agent.",
    "required": [
      "agentId",
      "tenant",
      "state",
      "queues",
      "autoAccept"
    ],
    "properties": {
      "agentId": {
        "type": "string",
        "description": "The agent's id."
      },
      "tenant": {
        "type": "string",
        "description": "The tenant the agent works for."
      },
      "state": {
        "type": "string",
        "enum": [
          "available",
          "offline",
          "busy"
        ],
        "description": "`busy` while on a call."
      },
      "queues": {
        "type": "array",
        "description": "The queues the agent serves.",
        "items": {
          "type": "string"
        }
      },
      "autoAccept": {
        "type": "boolean",
        "description": "Offers are accepted at once."
      },
      "defaultCallerId": {
        "type": "string",
        "description": "The caller id of `caller_id=-1` requests this agent takes."
      }
    }
  },
  "AgentList": {
    "type": "object",
    "description": "The agents.",
    "required": [
      "agents"
    ],
    "properties": {
      "agents": {
        "type": "array",
        "description": "The agents.",
        "items": {
          "$ref": "#/components/schemas/Agent"
        }
      }
    }
  },
  "AgentChange": {
    "type": "object",
    "description": "The fields to change; the others keep their value.",
    "additionalProperties": false,
    "properties": {
      "state": {
        "type": "string",
        "enum": [
          "available",
          "offline"
        ],
        "description": "The agent's availability."
      },
      "queues": {
        "type": "array",
        "maxItems": 100,
        "uniqueItems": true,
        "description": "The queues the agent serves.",
        "items": {
          "type": "string",
          "pattern": "^[0-9A-Za-z_.-]{1,64}$"
        }
      },
      "autoAccept": {
        "type": "boolean",
        "description": "Accept offers at once."
      },
      "defaultCallerId": {
        "type": "string",
        "pattern": "^[0-9]{1,15}$",
        "description": "Digits."
      },
      "tenant": {
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
        "description": "For a new agent, its tenant (an extension of the agreed API)."
      }
    }
  },
  "Offer": {
    "type": "object",
    "description": "An interaction offered to an agent.",
    "required": [
      "offerId",
      "interactionGuid",
      "agentId",
      "queueId",
      "extTransactionData",
      "offeredAt"
    ],
    "properties": {
      "offerId": {
        "type": "string",
        "description": "The offer's id."
      },
      "interactionGuid": {
        "type": "string",
        "description": "The interaction offered."
      },
      "agentId": {
        "type": "string",
        "description": "The agent it is offered to."
      },
      "queueId": {
        "type": "string",
        "description": "The queue it waited in."
      },
      "extTransactionData": {
        "type": "array",
        "description": "The request's extTransactionData pairs, in order (the transaction panel).",
        "items": {
          "type": "object",
          "required": [
            "name",
            "value"
          ],
          "properties": {
            "name": {
              "type": "string",
              "description": "The pair's name."
            },
            "value": {
              "type": "string",
              "description": "The pair's value."
            }
          }
        }
      },
      "offeredAt": {
        "type": "string",
        "format": "date-time",
        "description": "When it was offered."
      },
      "state": {
        "type": "string",
        "enum": [
          "open",
          "accepted",
          "rejected",
          "withdrawn"
        ],
        "description": "The offer's state."
      }
    }
  },
  "OfferList": {
    "type": "object",
    "description": "Open offers.",
    "required": [
      "offers"
    ],
    "properties": {
      "offers": {
        "type": "array",
        "description": "The offers.",
        "items": {
          "$ref": "#/components/schemas/Offer"
        }
      }
    }
  },
  "Delivery": {
    "type": "object",
    "description": "One result POST to a ctl_callbackUrl.",
    "required": [
      "deliveryId",
      "interactionGuid",
      "url",
      "state",
      "attempts"
    ],
    "properties": {
      "deliveryId": {
        "type": "string",
        "description": "Also the Idempotency-Key of every attempt."
      },
      "interactionGuid": {
        "type": "string",
        "description": "The interaction whose result it carries."
      },
      "url": {
        "type": "string",
        "description": "The ctl_callbackUrl."
      },
      "state": {
        "type": "string",
        "enum": [
          "pending",
          "delivered",
          "failed"
        ],
        "description": "Where it stands."
      },
      "attempts": {
        "type": "integer",
        "description": "Attempts made."
      },
      "lastStatus": {
        "type": "integer",
        "description": "The HTTP status of the last attempt."
      },
      "lastError": {
        "type": "string",
        "description": "Why the last attempt got no answer."
      },
      "nextAttemptAt": {
        "type": "string",
        "format": "date-time",
        "description": "When the next attempt is due."
      }
    }
  },
  "DeliveryList": {
    "type": "object",
    "description": "Deliveries, oldest first.",
    "required": [
      "deliveries"
    ],
    "properties": {
      "deliveries": {
        "type": "array",
        "description": "The deliveries.",
        "items": {
          "$ref": "#/components/schemas/Delivery"
        }
      },
      "truncated": {
        "type": "boolean",
        "description": "Present and true when there are more than the 10,000 listed (the oldest); ask for one interaction's with `interactionGuid`."
      }
    }
  }
} as const;
