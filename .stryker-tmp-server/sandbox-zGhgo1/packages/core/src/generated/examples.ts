// @ts-nocheck
// generated from openapi/webcallback.yaml by scripts/generate.ts; do not edit.

/** The seed's example requests (components.examples). */
export const REQUEST_EXAMPLES = {
  "Example1CallNow": {
    "summary": "Seed example 1: call me now",
    "value": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212",
      "back": "http://www.acmejet.com/ctdresult.php",
      "caller_id": "18006664444"
    }
  },
  "Example2CallAfterDelay": {
    "summary": "Seed example 2: call me after 5 minutes, with a result POST",
    "value": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212",
      "back": "http://www.acmejet.com/ctdresult.php",
      "caller_id": "18006664444",
      "callback_delay": "300",
      "ctl_userdata": "[ctl_callbackUrl|https://mywebporter.com/callback.php][Transactionid__c|$interaction_guid$][CallAnswerTime|$call_answered_time$][foreign_key|1234456677]"
    }
  },
  "Example3WhenAgentAvailable": {
    "summary": "Seed example 3: call me when an agent is available",
    "value": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "2",
      "back": "http://www.acmejet.com/ctdresult.php",
      "caller_id": "18006664444",
      "queue_id": "103"
    }
  },
  "Example4WithExpiration": {
    "summary": "Seed example 4: as example 3, but give up after an hour",
    "value": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "2",
      "back": "http://www.acmejet.com/ctdresult.php",
      "caller_id": "18006664444",
      "queue_id": "103",
      "expiration": "3600"
    }
  }
} as const;

/** One example per error code: the answer and, where a request alone can provoke it, that request. */
export const ERROR_EXAMPLES = [
  {
    "name": "Error1",
    "code": 1,
    "request": {
      "tenant": "Initech",
      "token": "fedcba9876543210fedcba9876543210",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212"
    },
    "body": {
      "ctl_error": 1,
      "message": "Tenant not enabled."
    }
  },
  {
    "name": "Error2",
    "code": 2,
    "request": {
      "tenant": "Globex",
      "token": "0123456789abcdef0123456789abcdef",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212"
    },
    "body": {
      "ctl_error": 2,
      "message": "Web callback not enabled."
    }
  },
  {
    "name": "Error3",
    "code": 3,
    "request": {
      "tenant": "Acme",
      "token": "not-the-token",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212"
    },
    "body": {
      "ctl_error": 3,
      "message": "Invalid authentication token."
    }
  },
  {
    "name": "Error7",
    "code": 7,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "2",
      "queue_id": "999"
    },
    "body": {
      "ctl_error": 7,
      "message": "Queue id provided is invalid."
    }
  },
  {
    "name": "Error8",
    "code": 8,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "2",
      "queue_id": "104"
    },
    "body": {
      "ctl_error": 8,
      "message": "Queue is disabled."
    }
  },
  {
    "name": "Error9",
    "code": 9,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "2",
      "queue_id": "105"
    },
    "body": {
      "ctl_error": 9,
      "message": "Queue direction is not 'Outbound'"
    }
  },
  {
    "name": "Error10",
    "code": 10,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "channel_number": "18006661212"
    },
    "body": {
      "ctl_error": 10,
      "message": "Missing Callback type."
    }
  },
  {
    "name": "Error11",
    "code": 11,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212",
      "callback_delay": "five"
    },
    "body": {
      "ctl_error": 11,
      "message": "Callback delay is not numeric"
    }
  },
  {
    "name": "Error12",
    "code": 12,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1"
    },
    "body": {
      "ctl_error": 12,
      "message": "Missing channel information for callback type 1."
    }
  },
  {
    "name": "Error13",
    "code": 13,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "19999999999"
    },
    "body": {
      "ctl_error": 13,
      "message": "Invalid channel number provided."
    }
  },
  {
    "name": "Error14",
    "code": 14,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "3",
      "channel_number": "18006661212"
    },
    "body": {
      "ctl_error": 14,
      "message": "Unknown callback type specified."
    }
  },
  {
    "name": "Error15",
    "code": 15,
    "request": null,
    "body": {
      "ctl_error": 15,
      "message": "Service unavailable."
    }
  },
  {
    "name": "Error16",
    "code": 16,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212",
      "extTransactionData": "[n|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx]"
    },
    "body": {
      "ctl_error": 16,
      "message": "External data maximum length exceeded(500 character limit)"
    }
  },
  {
    "name": "Error17",
    "code": 17,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "callback_type": "1",
      "channel_number": "18006661212"
    },
    "body": {
      "ctl_error": 17,
      "message": "Phone number not provided."
    }
  },
  {
    "name": "Error19",
    "code": 19,
    "request": null,
    "body": {
      "ctl_error": 19,
      "message": "Internal Error."
    }
  },
  {
    "name": "Error101",
    "code": 101,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212",
      "ctl_userdata": "[a|b]junk"
    },
    "body": {
      "ctl_error": 101,
      "message": "Malformed ctl_userdata.",
      "detail": "at offset 5: expected \"[\" or end of input but \"j\" found"
    }
  },
  {
    "name": "Error102",
    "code": 102,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212",
      "extTransactionData": "[no-bar]"
    },
    "body": {
      "ctl_error": 102,
      "message": "Malformed extTransactionData.",
      "detail": "at offset 7: expected \"|\" but \"]\" found"
    }
  },
  {
    "name": "Error103",
    "code": 103,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212",
      "ctl_userdata": "[ctl_callbackUrl|https://elsewhere.invalid/hook]"
    },
    "body": {
      "ctl_error": 103,
      "message": "ctl_callbackUrl is not an absolute http(s) URL on a host the tenant allows."
    }
  },
  {
    "name": "Error104",
    "code": 104,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212",
      "back": "http://evil.invalid/"
    },
    "body": {
      "ctl_error": 104,
      "message": "back is not an absolute http(s) URL on an origin the tenant allows."
    }
  },
  {
    "name": "Error105",
    "code": 105,
    "request": {
      "tenant": "Acme",
      "token": "fb65d0515b9631c6db72e7e66fe6df49",
      "phone": "16505551212",
      "callback_type": "1",
      "channel_number": "18006661212",
      "dialplan_id": "77"
    },
    "body": {
      "ctl_error": 105,
      "message": "dialplan_id is not a dial plan of the tenant."
    }
  },
  {
    "name": "Error106",
    "code": 106,
    "request": null,
    "body": {
      "ctl_error": 106,
      "message": "Too many requests; try again later."
    }
  },
  {
    "name": "Error107",
    "code": 107,
    "request": null,
    "body": {
      "ctl_error": 107,
      "message": "Request body over 64 KiB."
    }
  },
  {
    "name": "Error108",
    "code": 108,
    "request": null,
    "body": {
      "ctl_error": 108,
      "message": "Body must be application/x-www-form-urlencoded."
    }
  },
  {
    "name": "Error109",
    "code": 109,
    "request": null,
    "body": {
      "ctl_error": 109,
      "message": "HTTPS required."
    }
  }
] as const;
