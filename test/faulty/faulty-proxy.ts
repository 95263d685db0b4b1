// A faulty server for the conformance runner to catch: a proxy in front of the reference server
// that breaks one rule, by rewriting requests on the way in, answers on the way out, or result
// POSTs on their way to the runner's listener (it relays them through itself).
import { createHmac } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** The form body of a POST, parsed; undefined for other requests. */
  readonly form: URLSearchParams | undefined;
  readonly headers: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ResultPost {
  headers: Record<string, string>;
  body: string;
}

export interface Fault {
  readonly name: string;
  /** What the fault breaks, in words. */
  readonly breaks: string;
  /** Case ids that must fail against it. */
  readonly caughtBy: readonly string[];
  /** Needs the simulator API (full profile). */
  readonly stateful: boolean;
  /** Changes the request, or answers it without asking the server. */
  readonly request?: (exchange: Exchange) => Answer | undefined;
  readonly answer?: (exchange: Exchange, answer: Answer) => void;
  readonly result?: (post: ResultPost) => void;
}

function params(exchange: Exchange): URLSearchParams {
  const merged = new URLSearchParams(exchange.query);
  for (const [name, value] of exchange.form ?? []) merged.set(name, value);
  return merged;
}

function json(status: number, code: number, message: string): Answer {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    body: JSON.stringify({ ctl_error: code, message }),
  };
}

function removeEverywhere(exchange: Exchange, name: string): void {
  exchange.query.delete(name);
  exchange.form?.delete(name);
}

/** The demo tenant's webhook secret (CONTRACT §8): a faulty server that re-signs what it changed. */
const DEMO_SECRET = "demo-webhook-secret";

function resign(post: ResultPost): void {
  const t = /t=([0-9]+)/.exec(post.headers["webcallback-signature"] ?? "")?.[1] ?? "0";
  post.headers["webcallback-signature"] = `t=${t},v1=${createHmac("sha256", DEMO_SECRET).update(`${t}.${post.body}`).digest("hex")}`;
}

export const FAULTS: readonly Fault[] = [
  {
    name: "wrong-code",
    breaks: "a missing phone is answered with ctl_error 12 instead of 17",
    caughtBy: ["error/17/x-request/GET"],
    stateful: false,
    answer: (_, answer) => {
      answer.body = answer.body.replace('"ctl_error":17', '"ctl_error":12');
    },
  },
  {
    name: "checks-out-of-order",
    breaks: "callback_type (step 7) is checked before the phone (step 6)",
    caughtBy: ["order/17-before-14/GET"],
    stateful: false,
    request: (exchange) => {
      const all = params(exchange);
      const type = all.get("callback_type")?.trim();
      if ((all.get("phone") ?? "").trim() === "" && type !== undefined && type !== "" && type !== "1" && type !== "2") {
        return json(400, 14, "Unknown callback type specified.");
      }
      return undefined;
    },
  },
  {
    name: "redirect-without-ctl-error",
    breaks: "an error in redirect mode sends the visitor to back without ctl_error",
    caughtBy: ["error/17/x-request/GET/redirect"],
    stateful: false,
    answer: (_, answer) => {
      const location = answer.headers.location;
      if (answer.status === 302 && location !== undefined) answer.headers.location = location.replace(/[?&]ctl_error=[0-9]+/, "");
    },
  },
  {
    name: "open-redirect",
    breaks: "a back the tenant does not allow is redirected to instead of refused with 104",
    caughtBy: ["error/104/x-request/GET"],
    stateful: false,
    answer: (exchange, answer) => {
      const back = params(exchange).get("back");
      if (back !== null && answer.body.includes('"ctl_error":104')) {
        answer.status = 302;
        answer.headers = { location: back, "cache-control": "no-store" };
        answer.body = "";
      }
    },
  },
  {
    name: "wrong-status",
    breaks: "a disabled queue (ctl_error 8) answers HTTP 400 instead of 409",
    caughtBy: ["error/8/x-request/GET"],
    stateful: false,
    answer: (_, answer) => {
      if (answer.body.includes('"ctl_error":8,')) answer.status = 400;
    },
  },
  {
    name: "post-differs-from-get",
    breaks: "a form POST loses ctl_userdata, which the GET honours",
    caughtBy: ["error/101/x-request/POST"],
    stateful: false,
    request: (exchange) => {
      exchange.form?.delete("ctl_userdata");
      return undefined;
    },
  },
  {
    name: "cache-control-missing",
    breaks: "an accepted request's answer lacks Cache-Control: no-store",
    caughtBy: ["seed/Example1CallNow/json/GET"],
    stateful: false,
    answer: (_, answer) => {
      if (answer.status === 202) delete answer.headers["cache-control"];
    },
  },
  {
    name: "other-charset-read",
    breaks: "a form in iso-8859-1 is read as if it were UTF-8 instead of refused with 415",
    caughtBy: ["rule/post/other-charset"],
    stateful: false,
    request: (exchange) => {
      const type = exchange.headers["content-type"] ?? "";
      if (/charset=iso-8859-1/i.test(type)) exchange.headers["content-type"] = "application/x-www-form-urlencoded";
      return undefined;
    },
  },
  {
    name: "request-id-not-echoed",
    breaks: "the caller's X-Request-Id is replaced even when it is safe to echo",
    caughtBy: ["rule/request-id/echoed"],
    stateful: false,
    answer: (_, answer) => {
      answer.headers["x-request-id"] = "proxy-made";
    },
  },
  {
    name: "cors-any-origin",
    breaks: "any Origin may read the answers, not only those a tenant lists",
    caughtBy: ["rule/cors/foreign-origin"],
    stateful: false,
    answer: (exchange, answer) => {
      const origin = exchange.headers.origin;
      if (origin !== undefined) answer.headers["access-control-allow-origin"] = origin;
    },
  },
  {
    name: "unsafe-request-id-echoed",
    breaks: "an X-Request-Id outside the header's pattern is echoed into the answer",
    caughtBy: ["rule/request-id/replaced"],
    stateful: false,
    answer: (exchange, answer) => {
      const given = exchange.headers["x-request-id"];
      if (given !== undefined) answer.headers["x-request-id"] = given;
    },
  },
  {
    name: "cors-expose-missing",
    breaks: "answers to an allowed Origin lack Access-Control-Expose-Headers, so a page cannot read Retry-After",
    caughtBy: ["rule/cors/allowed-origin"],
    stateful: false,
    answer: (_, answer) => {
      delete answer.headers["access-control-expose-headers"];
    },
  },
  {
    name: "preflight-max-age",
    breaks: "a preflight's Access-Control-Max-Age is a day, not the document's value",
    caughtBy: ["rule/cors/preflight"],
    stateful: false,
    answer: (exchange, answer) => {
      if (exchange.method === "OPTIONS") answer.headers["access-control-max-age"] = "86400";
    },
  },
  {
    name: "white-space-not-trimmed",
    breaks: "a phone with surrounding white space (a copied URL) is refused with 17",
    caughtBy: ["rule/trim/spaces/GET"],
    stateful: false,
    request: (exchange) => {
      const phone = params(exchange).get("phone");
      return phone !== null && phone !== "" && phone !== phone.trim() ? json(400, 17, "Phone number not provided.") : undefined;
    },
  },
  {
    name: "delay-ignored",
    breaks: "callback_delay is dropped, so the call is placed at once",
    caughtBy: ["scenario/delay-honoured"],
    stateful: true,
    request: (exchange) => {
      removeEverywhere(exchange, "callback_delay");
      return undefined;
    },
  },
  {
    name: "expired-still-called",
    breaks: "expiration is dropped, so an expired request stays queued and is called later",
    caughtBy: ["scenario/expiration"],
    stateful: true,
    request: (exchange) => {
      removeEverywhere(exchange, "expiration");
      return undefined;
    },
  },
  {
    name: "token-left-unexpanded",
    breaks: "$interaction_guid$ reaches the result POST unexpanded (the POST is re-signed, so only the token is wrong)",
    caughtBy: ["scenario/result-post"],
    stateful: true,
    result: (post) => {
      const fields = new URLSearchParams(post.body);
      const guid = fields.get("ctl_interaction_guid");
      const out = new URLSearchParams();
      for (const [name, value] of fields)
        out.append(name, name !== "ctl_interaction_guid" && value === guid ? "$interaction_guid$" : value);
      post.body = out.toString();
      resign(post);
    },
  },
  {
    name: "bad-signature",
    breaks: "the result POST's Webcallback-Signature does not match its body",
    caughtBy: ["scenario/result-post", "scenario/busy-number"],
    stateful: true,
    result: (post) => {
      const header = post.headers["webcallback-signature"];
      if (header !== undefined) post.headers["webcallback-signature"] = header.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    },
  },
];

export interface FaultyProxy {
  readonly url: string;
  close(): Promise<void>;
}

const RELAY = "/__relay/";
/** Headers node sets itself, or that would be wrong after a rewrite. */
const DROPPED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host"]);
/** fetch hands back an answer's body decoded, so its Content-Encoding goes too. */
const DROPPED_FROM_ANSWERS = new Set([...DROPPED, "content-encoding"]);

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (!DROPPED.has(name) && value !== undefined) out[name] = String(value);
  return out;
}

/** Sends result POSTs through the proxy (`/__relay/<url>`) so `fault.result` can change them. */
function relayCallbacks(exchange: Exchange, self: string): void {
  for (const list of [exchange.query, exchange.form]) {
    const userdata = list?.get("ctl_userdata");
    if (list === undefined || userdata === null || userdata === undefined) continue;
    list.set(
      "ctl_userdata",
      userdata.replace(
        /\[ctl_callbackUrl\|([^\]]*)\]/,
        (_, url: string) => `[ctl_callbackUrl|${self}${RELAY}${encodeURIComponent(url.trim())}]`,
      ),
    );
  }
}

export async function startFaultyProxy(upstream: string, fault: Fault): Promise<FaultyProxy> {
  let self = "";
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://proxy.invalid");
      const raw = await readAll(req);
      if (url.pathname.startsWith(RELAY)) {
        const post: ResultPost = { headers: headersOf(req), body: raw };
        fault.result?.(post);
        const target = decodeURIComponent(url.pathname.slice(RELAY.length));
        const answer = await fetch(target, { method: "POST", headers: post.headers, body: post.body });
        res.writeHead(answer.status).end(await answer.text());
        return;
      }
      const isForm = req.method === "POST" && /x-www-form-urlencoded/i.test(req.headers["content-type"] ?? "");
      const exchange: Exchange = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        form: isForm ? new URLSearchParams(raw) : undefined,
        headers: headersOf(req),
      };
      if (fault.result !== undefined) relayCallbacks(exchange, self);
      let answer = fault.request?.(exchange);
      if (answer === undefined) {
        const query = exchange.query.toString();
        const body = exchange.form !== undefined ? exchange.form.toString() : raw;
        const response = await fetch(`${upstream}${exchange.path}${query === "" ? "" : `?${query}`}`, {
          method: exchange.method,
          headers: exchange.headers,
          redirect: "manual",
          ...(exchange.method === "GET" || exchange.method === "HEAD" ? {} : { body }),
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          if (!DROPPED_FROM_ANSWERS.has(name)) headers[name] = value;
        });
        answer = { status: response.status, headers, body: await response.text() };
        fault.answer?.(exchange, answer);
      }
      res.writeHead(answer.status, answer.headers).end(answer.body);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`faulty proxy failed: ${(error as Error).message}`);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
