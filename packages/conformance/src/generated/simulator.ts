// generated from openapi/simulator.yaml by scripts/generate.ts; do not edit.

export type paths = {
    "/sim/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the server clock
         * @description The server clock now and its offset from real time.
         */
        get: operations["getClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the server clock forward
         * @description Runs every step that falls due within the advance, in order, each at its own due
         *     time (calls placed, answered and ended; queued requests expired; result POSTs
         *     attempted), and answers once that work has run.
         */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List placed calls
         * @description Every call leg placed, oldest first, optionally for one interaction.
         */
        get: operations["listCalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/calls/{interactionGuid}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a live conversation
         * @description The agent (or customer) hangs up now: the call ends as completed, with the
         *     transaction codes and notes given, which feed `$transaction_codes$`, `$notes$`
         *     and the `$lastTcl…$` tokens of the result POST.
         */
        post: operations["endCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/interactions/{interactionGuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an interaction
         * @description Where an accepted request stands.
         */
        get: operations["getInteraction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agents
         * @description Every agent, from the configuration and created through this API.
         */
        get: operations["listAgents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/agents/{agentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change or create an agent
         * @description Sets an agent's state, queues, auto-accept and default caller id (given fields
         *     only). An unknown agent is created; its tenant is `tenant`, else the first tenant
         *     that has one of its queues. An agent that becomes available is offered queued work.
         */
        put: operations["putAgent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List open offers
         * @description Offers waiting for an agent's accept or reject, with the request's extTransactionData (the transaction panel).
         */
        get: operations["listOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/offers/{offerId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an offer
         * @description The agent takes the request; the agent is called, then bridged to the customer.
         */
        post: operations["acceptOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/offers/{offerId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject an offer
         * @description The request goes back to its queue and is offered to the next agent.
         */
        post: operations["rejectOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List result POST deliveries
         * @description Every delivery, delivered, waiting for a retry or failed, oldest first.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sim/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a delivery now
         * @description A failed or waiting delivery is attempted now (same Idempotency-Key), with a new retry period.
         */
        post: operations["retryDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** @description An agent's id. */
        AgentId: string;
        /** @description What went wrong. */
        Problem: {
            /** @description A sentence naming the rule that failed. */
            error: string;
        };
        /** @description The server clock. */
        Clock: {
            /**
             * Format: date-time
             * @description The server clock now.
             */
            now: string;
            /** @description How far the server clock is ahead of real time. */
            offsetSeconds: number;
        };
        /** @description How far to move the clock. */
        AdvanceRequest: {
            /** @description Seconds to move forward (more than 0, at most a year). */
            seconds: number;
        };
        /** @description A transaction code the agent selected. */
        TransactionCode: {
            /** @description The transaction code list's name. */
            list: string;
            /** @description The code's short name. */
            code: string;
            /** @description The code's text. */
            description?: string;
        };
        /** @description What the agent selected and wrote before hanging up. */
        EndCallRequest: {
            /** @description In the order selected. */
            transactionCodes?: components["schemas"]["TransactionCode"][];
            /** @description The agent's notes. */
            notes?: string;
        };
        /** @description One call leg. */
        Call: {
            /** @description The call's id, also `$transaction_id$`. */
            callId: string;
            /** @description The interaction the call belongs to. */
            interactionGuid: string;
            /** @description The tenant. */
            tenant: string;
            /**
             * @description Whom the leg calls.
             * @enum {string}
             */
            leg: "customer" | "agent";
            /** @description The number after the dial plan (an agent leg dials the agent's phone, or its id). */
            numberDialled: string;
            /** @description `Anonymous` or digits. */
            callerId: string;
            /** @description Type 1, the request's channel. */
            channel?: string;
            /** @description Type 1, the channel's IVR script, recorded when the customer answers. */
            ivrScript?: string;
            /** @description Type 2, the queue. */
            queueId?: string;
            /** @description Type 2, the agent. */
            agentId?: string;
            /**
             * @description Where the call stands.
             * @enum {string}
             */
            state: "ringing" | "answered" | "ended";
            /**
             * @description How it ended.
             * @enum {string}
             */
            outcome?: "completed" | "no_answer" | "busy" | "failed";
            /**
             * Format: date-time
             * @description When the call was placed.
             */
            placedAt: string;
            /**
             * Format: date-time
             * @description When it was answered.
             */
            answeredAt?: string;
            /**
             * Format: date-time
             * @description When it ended.
             */
            endedAt?: string;
        };
        /** @description Calls, oldest first. */
        CallList: {
            /** @description The calls. */
            calls: components["schemas"]["Call"][];
            /** @description Present and true when there are more than the 10,000 listed (the oldest); ask for one interaction's with `interactionGuid`. */
            truncated?: boolean;
        };
        /** @description An accepted request. */
        Interaction: {
            /** @description The guid the server answered with. */
            interactionGuid: string;
            /** @description The tenant. */
            tenant: string;
            /**
             * @description The request's callback_type.
             * @enum {integer}
             */
            callbackType: 1 | 2;
            /**
             * @description Where it stands.
             * @enum {string}
             */
            state: "pending" | "queued" | "offered" | "calling" | "done";
            /**
             * @description Once done, its ctl_result.
             * @enum {string}
             */
            result?: "completed" | "no_answer" | "busy" | "failed" | "expired";
            /**
             * Format: date-time
             * @description Type 1, when the call is placed.
             */
            dueAt?: string;
            /**
             * Format: date-time
             * @description Type 2, when it leaves its queue unanswered.
             */
            expiresAt?: string;
        };
        /** @description A simulated agent. */
        Agent: {
            /** @description The agent's id. */
            agentId: string;
            /** @description The tenant the agent works for. */
            tenant: string;
            /**
             * @description `busy` while on a call.
             * @enum {string}
             */
            state: "available" | "offline" | "busy";
            /** @description The queues the agent serves. */
            queues: string[];
            /** @description Offers are accepted at once. */
            autoAccept: boolean;
            /** @description The caller id of `caller_id=-1` requests this agent takes. */
            defaultCallerId?: string;
        };
        /** @description The agents. */
        AgentList: {
            /** @description The agents. */
            agents: components["schemas"]["Agent"][];
        };
        /** @description The fields to change; the others keep their value. */
        AgentChange: {
            /**
             * @description The agent's availability.
             * @enum {string}
             */
            state?: "available" | "offline";
            /** @description The queues the agent serves. */
            queues?: string[];
            /** @description Accept offers at once. */
            autoAccept?: boolean;
            /** @description Digits. */
            defaultCallerId?: string;
            /** @description For a new agent, its tenant (an extension of the agreed API). */
            tenant?: string;
        };
        /** @description An interaction offered to an agent. */
        Offer: {
            /** @description The offer's id. */
            offerId: string;
            /** @description The interaction offered. */
            interactionGuid: string;
            /** @description The agent it is offered to. */
            agentId: string;
            /** @description The queue it waited in. */
            queueId: string;
            /** @description The request's extTransactionData pairs, in order (the transaction panel). */
            extTransactionData: {
                /** @description The pair's name. */
                name: string;
                /** @description The pair's value. */
                value: string;
            }[];
            /**
             * Format: date-time
             * @description When it was offered.
             */
            offeredAt: string;
            /**
             * @description The offer's state.
             * @enum {string}
             */
            state?: "open" | "accepted" | "rejected" | "withdrawn";
        };
        /** @description Open offers. */
        OfferList: {
            /** @description The offers. */
            offers: components["schemas"]["Offer"][];
        };
        /** @description One result POST to a ctl_callbackUrl. */
        Delivery: {
            /** @description Also the Idempotency-Key of every attempt. */
            deliveryId: string;
            /** @description The interaction whose result it carries. */
            interactionGuid: string;
            /** @description The ctl_callbackUrl. */
            url: string;
            /**
             * @description Where it stands.
             * @enum {string}
             */
            state: "pending" | "delivered" | "failed";
            /** @description Attempts made. */
            attempts: number;
            /** @description The HTTP status of the last attempt. */
            lastStatus?: number;
            /** @description Why the last attempt got no answer. */
            lastError?: string;
            /**
             * Format: date-time
             * @description When the next attempt is due.
             */
            nextAttemptAt?: string;
        };
        /** @description Deliveries, oldest first. */
        DeliveryList: {
            /** @description The deliveries. */
            deliveries: components["schemas"]["Delivery"][];
            /** @description Present and true when there are more than the 10,000 listed (the oldest); ask for one interaction's with `interactionGuid`. */
            truncated?: boolean;
        };
    };
    responses: {
        /** @description The server clock. */
        Clock: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Clock"];
            };
        };
        /** @description The offer after the agent's answer. */
        Offer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Offer"];
            };
        };
        /** @description The body or a parameter breaks the rules of this document. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description No admin token, or the wrong one. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description No such record. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description The record is not in a state that allows this. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Only the records of this interaction. */
        interactionGuid: string;
        /** @description The interaction guid the server answered with. */
        interactionGuidPath: string;
        /** @description The offer's id. */
        offerId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            401: components["responses"]["Unauthorized"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description How far to move. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvanceRequest"];
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listCalls: {
        parameters: {
            query?: {
                /** @description Only the records of this interaction. */
                interactionGuid?: components["parameters"]["interactionGuid"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calls. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    endCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The interaction guid the server answered with. */
                interactionGuid: components["parameters"]["interactionGuidPath"];
            };
            cookie?: never;
        };
        /** @description What the agent selected and wrote. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EndCallRequest"];
            };
        };
        responses: {
            /** @description The customer's call leg, ended. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Call"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getInteraction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The interaction guid the server answered with. */
                interactionGuid: components["parameters"]["interactionGuidPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The interaction. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interaction"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listAgents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    putAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The agent's id. */
                agentId: components["schemas"]["AgentId"];
            };
            cookie?: never;
        };
        /** @description The fields to change. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentChange"];
            };
        };
        responses: {
            /** @description The agent after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listOffers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The open offers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfferList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    acceptOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The offer's id. */
                offerId: components["parameters"]["offerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Offer"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    rejectOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The offer's id. */
                offerId: components["parameters"]["offerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Offer"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                /** @description Only the records of this interaction. */
                interactionGuid?: components["parameters"]["interactionGuid"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    retryDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery's id, also its Idempotency-Key. */
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery after the attempt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
}
