// generated from openapi/webcallback.yaml by scripts/generate.ts; do not edit.

export type paths = {
    "/SC/webcallback.php": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Request a callback (query string)
         * @description Every parameter travels in the query string. The rules that tie
         *     parameters together (a type-1 request needs `channel_number`, a type-2
         *     request needs `queue_id`) are spelled out in the `CallbackRequest`
         *     schema, which the form POST uses as its body.
         */
        get: operations["requestCallback"];
        put?: never;
        /**
         * Request a callback (form POST)
         * @description The same request as the GET, as an `application/x-www-form-urlencoded`
         *     body. Parameters in the query string are merged in; the body wins on
         *     a clash. Any other content type is refused with 415 (ctl_error 108),
         *     and so is a form that names a charset other than UTF-8 or US-ASCII
         *     (`x-readable-charsets` of the request body; the form is read as UTF-8)
         *     or that comes with a `Content-Encoding` other than `identity`. A POST without a `Content-Type` passes only with an
         *     empty body, all its parameters in the query.
         *
         *     The token travels in the form body (`token` is required there), which
         *     an OpenAPI security scheme cannot describe, so this operation declares
         *     no security scheme; the rule is the same as the GET's.
         */
        post: operations["requestCallbackForm"];
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
        /** @description Tenant name, case-sensitive. Surrounding white space is trimmed; a blank value is absent. */
        Tenant: string;
        /** @description Authentication token. Surrounding white space is trimmed; a blank value is absent. */
        Token: string;
        /**
         * @description 1 to 15 digits, with an optional leading `+` and the separators space, `-`, `.`, `(`, `)`.
         *     Surrounding white space is trimmed (the rule is the part inside `^\s*(?:…)\s*$`).
         */
        Phone: string;
        /**
         * @description Exactly `1` or `2` once surrounding white space is trimmed (so `01` is unknown).
         *     `x-values` lists the values.
         */
        CallbackType: string;
        /**
         * @description A channel number of the tenant. Required, and not blank, when `callback_type` is `1`;
         *     ignored otherwise.
         */
        ChannelNumber: string;
        /**
         * @description An outbound phone queue of the tenant. Required, and not blank, when `callback_type` is `2`;
         *     ignored otherwise.
         */
        QueueId: string;
        /**
         * @description A decimal number; 0 or less means none, fractions round up. Surrounding white space is
         *     trimmed and a blank value is absent (the rule is the part inside `^\s*(?:…)?\s*$`).
         */
        Numeric: string;
        /**
         * @description `callback_delay` (type 1) or `expiration` (type 2): a `Numeric` value for the request's own
         *     callback type (ctl_error 11 otherwise), ignored on a request of the other type.
         */
        Seconds: string;
        /** @description A list of `[name|value]` pairs, as the grammar `grammar/userdata.peggy` defines. */
        PairList: string;
        /** @description Pairs for the agent's transaction panel, at most 500 characters (Unicode code points). */
        ExtTransactionData: components["schemas"]["PairList"];
        /** @description System data (`ctl_` names) and user data with `$token$` placeholders. */
        CtlUserdata: components["schemas"]["PairList"];
        /**
         * @description `Anonymous`, `-1`, or a channel number of the tenant.
         * @example Anonymous
         * @example -1
         * @example 18006664444
         */
        CallerId: string;
        /**
         * @description Absolute http(s) URL on an origin the tenant allows (ctl_error 104 otherwise). Surrounding
         *     white space is trimmed and a blank value is absent.
         */
        Back: string;
        /**
         * @description Digits naming one of the tenant's dial plans. Surrounding white space is trimmed and a
         *     blank value is absent (the rule is the part inside `^\s*(?:…)?\s*$`).
         */
        DialplanId: string;
        /** @description A callback request; the same fields as the GET query parameters. */
        CallbackRequest: {
            tenant: components["schemas"]["Tenant"];
            token: components["schemas"]["Token"];
            phone: components["schemas"]["Phone"];
            callback_type: components["schemas"]["CallbackType"];
            channel_number?: components["schemas"]["ChannelNumber"];
            queue_id?: components["schemas"]["QueueId"];
            callback_delay?: components["schemas"]["Seconds"];
            expiration?: components["schemas"]["Seconds"];
            extTransactionData?: components["schemas"]["ExtTransactionData"];
            caller_id?: components["schemas"]["CallerId"];
            back?: components["schemas"]["Back"];
            ctl_userdata?: components["schemas"]["CtlUserdata"];
            dialplan_id?: components["schemas"]["DialplanId"];
        } & (unknown & unknown);
        /** @description The request was committed and will be carried out. */
        Accepted: {
            /** @constant */
            status: "accepted";
            /**
             * Format: uuid
             * @description Identifies the interaction in the result POST and the reports.
             */
            interaction_guid: string;
            /** @enum {integer} */
            callback_type: 1 | 2;
            /**
             * Format: date-time
             * @description Type 1 only; when the call is placed.
             */
            call_at?: string;
            /** @description Type 2 only; the queue the interaction waits in. */
            queue_id?: string;
            /**
             * Format: date-time
             * @description Type 2 only; when an unanswered request leaves the queue, or null.
             */
            expires_at?: string | null;
        };
        /** @description Why the request was refused. */
        Error: {
            /**
             * @description A code of the error catalogue.
             * @enum {integer}
             */
            ctl_error: 1 | 2 | 3 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 19 | 101 | 102 | 103 | 104 | 105 | 106 | 107 | 108 | 109;
            /** @description The catalogue's message for the code. */
            message: string;
            /** @description For a malformed pair list (101, 102), where it went wrong and what was expected. */
            detail?: string;
        };
        /**
         * @description A small accessible HTML page for a browser navigation (a request whose
         *     `Accept` ranks `text/html` above `application/json`) that cannot be
         *     redirected: it states the error's message, or on success the
         *     interaction guid, with the same status as the JSON answer.
         */
        HtmlPage: string;
        /**
         * @description Posted to `ctl_callbackUrl` when the request reaches its end. Every
         *     user-data pair of `ctl_userdata` comes first, in order, with its
         *     `$token$` placeholders replaced; then the system fields below.
         */
        ResultPost: {
            /**
             * @description How the request ended.
             * @enum {string}
             */
            ctl_result: "completed" | "no_answer" | "busy" | "failed" | "expired";
            /**
             * Format: uuid
             * @description The interaction_guid given at acceptance.
             */
            ctl_interaction_guid: string;
            /**
             * @description The request's callback type.
             * @enum {string}
             */
            ctl_callback_type?: "1" | "2";
            /** @description The number dialled. */
            ctl_phone?: string;
        } & {
            [key: string]: string;
        };
    };
    responses: {
        /** @description The request is committed (JSON mode). */
        Accepted: {
            headers: {
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Accepted"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /**
         * @description Redirect mode: `back` is allowed for the tenant. `Location` is `back`
         *     on success, or `back` with `ctl_error=N` added to its query on error.
         */
        Redirect: {
            headers: {
                Location: components["headers"]["Location"];
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description A parameter broke a rule (JSON mode). */
        BadRequest: {
            headers: {
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description The token is missing or not one of the tenant's (JSON mode). */
        Unauthorized: {
            headers: {
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description The tenant or its web callback is not enabled, or plain HTTP was refused (JSON mode). */
        Forbidden: {
            headers: {
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description The queue cannot take callbacks (JSON mode). */
        Conflict: {
            headers: {
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description The request body is over 64 KiB. */
        PayloadTooLarge: {
            headers: {
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /**
         * @description The body is not an `application/x-www-form-urlencoded` form the service
         *     reads: another type, a charset it does not read, or compressed.
         */
        UnsupportedMediaType: {
            headers: {
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description The tenant's rate limit was reached (JSON mode). */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description An unexpected failure (JSON mode). */
        InternalError: {
            headers: {
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
        /** @description The service cannot take requests now; always JSON. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "Cache-Control": components["headers"]["CacheControl"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "text/html": components["schemas"]["HtmlPage"];
            };
        };
    };
    parameters: {
        /**
         * @description Tenant name.
         * @example Acme
         */
        tenant: components["schemas"]["Tenant"];
        /**
         * @description Authentication token issued to the tenant.
         * @example fb65d0515b9631c6db72e7e66fe6df49
         */
        token: components["schemas"]["Token"];
        /**
         * @description The phone number of the customer asking for a callback. Digits only,
         *     preferably in E.164 form; one leading `+` and the separators space,
         *     `-`, `.`, `(` and `)` are removed before the 1 to 15 digits are counted.
         * @example 16505551212
         */
        phone: components["schemas"]["Phone"];
        /**
         * @description `1`: call back now, with an optional delay. `2`: call back when an
         *     agent serving the queue is available.
         * @example 1
         */
        callback_type: components["schemas"]["CallbackType"];
        /**
         * @description The channel whose IVR script runs once the customer answers. Required
         *     when `callback_type` is `1`.
         * @example 18006661212
         */
        channel_number: components["schemas"]["ChannelNumber"];
        /**
         * @description The outbound phone queue the interaction waits in until an agent is
         *     available. Required when `callback_type` is `2`.
         * @example 103
         */
        queue_id: components["schemas"]["QueueId"];
        /**
         * @description Type 1 only: seconds to wait before calling, a `Numeric` value. 0 or
         *     less means no delay; fractions round up to whole seconds. Ignored on a
         *     type-2 request.
         * @example 300
         */
        callback_delay: components["schemas"]["Seconds"];
        /**
         * @description Type 2 only: seconds after acceptance at which a request still waiting
         *     for an agent is deleted (counted as abandoned), a `Numeric` value. 0 or
         *     less means none. Ignored on a type-1 request.
         * @example 3600
         */
        expiration: components["schemas"]["Seconds"];
        /**
         * @description `[name|value]` pairs shown in the agent's transaction panel when the
         *     interaction is offered. At most 500 characters.
         * @example [Order|1234][Plan|Gold]
         */
        extTransactionData: components["schemas"]["ExtTransactionData"];
        /**
         * @description Caller id of the outbound call: `Anonymous`, `-1` (the agent's
         *     default; the tenant default on a type-1 call), or one of the tenant's
         *     channel numbers. Anything else, or nothing, means the tenant default.
         * @example 18006664444
         */
        caller_id: components["schemas"]["CallerId"];
        /**
         * @description A page to send the visitor to once the request is processed. Only an
         *     absolute http(s) URL whose origin the tenant allows is used; any other
         *     value is refused with ctl_error 104.
         * @example http://www.acmejet.com/ctdresult.php
         */
        back: components["schemas"]["Back"];
        /**
         * @description `[name|value]` pairs. Names starting with `ctl_` are system data
         *     (`ctl_callbackUrl` asks for the result POST); the others are user data,
         *     sent back with the result after their `$token$` placeholders are
         *     replaced.
         * @example [ctl_callbackUrl|https://mywebporter.com/callback.php][foreign_key|1234456677]
         */
        ctl_userdata: components["schemas"]["CtlUserdata"];
        /**
         * @description The dial plan applied to the phone number; the tenant's default dial
         *     plan when absent.
         * @example 1
         */
        dialplan_id: components["schemas"]["DialplanId"];
    };
    requestBodies: never;
    headers: {
        /** @description Every answer is `no-store`. */
        CacheControl: "no-store";
        /**
         * @description The request's own `X-Request-Id` when it matches this header's pattern
         *     (1 to 128 letters, digits and `._:@/+=-`), otherwise one the service
         *     makes, which matches it too. The service logs it with the request, so
         *     a partner can quote it.
         */
        RequestId: string;
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
        /**
         * @description `back`, unchanged on success, with `ctl_error=N` added to its query on
         *     error. A tenant that opts in (`redirectWithGuid: true` in the directory)
         *     gets `ctl_interaction_guid=<guid>` added the same way on success.
         */
        Location: string;
    };
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    requestCallback: {
        parameters: {
            query: {
                /**
                 * @description Tenant name.
                 * @example Acme
                 */
                tenant: components["parameters"]["tenant"];
                /**
                 * @description Authentication token issued to the tenant.
                 * @example fb65d0515b9631c6db72e7e66fe6df49
                 */
                token: components["parameters"]["token"];
                /**
                 * @description The phone number of the customer asking for a callback. Digits only,
                 *     preferably in E.164 form; one leading `+` and the separators space,
                 *     `-`, `.`, `(` and `)` are removed before the 1 to 15 digits are counted.
                 * @example 16505551212
                 */
                phone: components["parameters"]["phone"];
                /**
                 * @description `1`: call back now, with an optional delay. `2`: call back when an
                 *     agent serving the queue is available.
                 * @example 1
                 */
                callback_type: components["parameters"]["callback_type"];
                /**
                 * @description The channel whose IVR script runs once the customer answers. Required
                 *     when `callback_type` is `1`.
                 * @example 18006661212
                 */
                channel_number?: components["parameters"]["channel_number"];
                /**
                 * @description The outbound phone queue the interaction waits in until an agent is
                 *     available. Required when `callback_type` is `2`.
                 * @example 103
                 */
                queue_id?: components["parameters"]["queue_id"];
                /**
                 * @description Type 1 only: seconds to wait before calling, a `Numeric` value. 0 or
                 *     less means no delay; fractions round up to whole seconds. Ignored on a
                 *     type-2 request.
                 * @example 300
                 */
                callback_delay?: components["parameters"]["callback_delay"];
                /**
                 * @description Type 2 only: seconds after acceptance at which a request still waiting
                 *     for an agent is deleted (counted as abandoned), a `Numeric` value. 0 or
                 *     less means none. Ignored on a type-1 request.
                 * @example 3600
                 */
                expiration?: components["parameters"]["expiration"];
                /**
                 * @description `[name|value]` pairs shown in the agent's transaction panel when the
                 *     interaction is offered. At most 500 characters.
                 * @example [Order|1234][Plan|Gold]
                 */
                extTransactionData?: components["parameters"]["extTransactionData"];
                /**
                 * @description Caller id of the outbound call: `Anonymous`, `-1` (the agent's
                 *     default; the tenant default on a type-1 call), or one of the tenant's
                 *     channel numbers. Anything else, or nothing, means the tenant default.
                 * @example 18006664444
                 */
                caller_id?: components["parameters"]["caller_id"];
                /**
                 * @description A page to send the visitor to once the request is processed. Only an
                 *     absolute http(s) URL whose origin the tenant allows is used; any other
                 *     value is refused with ctl_error 104.
                 * @example http://www.acmejet.com/ctdresult.php
                 */
                back?: components["parameters"]["back"];
                /**
                 * @description `[name|value]` pairs. Names starting with `ctl_` are system data
                 *     (`ctl_callbackUrl` asks for the result POST); the others are user data,
                 *     sent back with the result after their `$token$` placeholders are
                 *     replaced.
                 * @example [ctl_callbackUrl|https://mywebporter.com/callback.php][foreign_key|1234456677]
                 */
                ctl_userdata?: components["parameters"]["ctl_userdata"];
                /**
                 * @description The dial plan applied to the phone number; the tenant's default dial
                 *     plan when absent.
                 * @example 1
                 */
                dialplan_id?: components["parameters"]["dialplan_id"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: components["responses"]["Accepted"];
            302: components["responses"]["Redirect"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    requestCallbackForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description At most 64 KiB (`x-max-bytes`); a larger body is refused with 413 and ctl_error 107. */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["CallbackRequest"];
            };
        };
        responses: {
            202: components["responses"]["Accepted"];
            302: components["responses"]["Redirect"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
