// Sends one result POST with node:http(s). The destination rules are checked again on the
// address actually connected to: a custom lookup refuses a name that resolves to a loopback,
// private or link-local address unless the tenant allows those, and an IP literal is checked
// before connecting. Redirects are not followed.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isPrivateHost } from "@webcallback/core";

export class DestinationRefusedError extends Error {
  override readonly name = "DestinationRefusedError";
}

export interface SendResult {
  /** The HTTP status, when an answer came. */
  readonly status?: number;
  /** Why no answer came (connection error, timeout, refused destination). */
  readonly error?: string;
  /** The destination rules refused the address: trying again will not help. */
  readonly refused?: boolean;
}

type Resolver = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
) => void;

export interface SenderOptions {
  /** Time limit of one attempt, connection to last byte. */
  readonly timeoutMs: number;
  /** Fixed addresses for host names (like curl --resolve); the address rules still apply. */
  readonly hostAddresses?: Readonly<Record<string, string>>;
  /** DNS, injectable for tests; node's lookup by default. */
  readonly resolve?: Resolver;
}

/** At most this much of an answer's body is read (and thrown away). */
const MAX_ANSWER_BYTES = 64 * 1024;

export class WebhookSender {
  private readonly resolve: Resolver;
  private readonly fixed: ReadonlyMap<string, string>;
  // One pool per policy: a kept-alive socket checked under one tenant's rules is never reused under another's.
  private readonly agents = {
    strict: { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) },
    open: { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) },
  };

  constructor(private readonly o: SenderOptions) {
    this.resolve = o.resolve ?? (dnsLookup as unknown as Resolver);
    this.fixed = new Map(Object.entries(o.hostAddresses ?? {}).map(([name, address]) => [name.toLowerCase(), address]));
  }

  /** A lookup that hands net.connect only addresses the policy allows. */
  private guardedLookup(allowPrivate: boolean): LookupFunction {
    return (hostname, options, callback) => {
      const fixed = this.fixed.get(hostname.toLowerCase());
      const done = (error: Error | null, addresses: LookupAddress[]) => {
        if (error === null) {
          const forbidden = allowPrivate ? undefined : addresses.find((a) => isPrivateHost(a.address));
          if (addresses.length === 0) error = new Error(`${hostname} has no address`);
          else if (forbidden !== undefined)
            error = new DestinationRefusedError(`${hostname} resolves to ${forbidden.address}, a private address`);
        }
        if (error !== null) {
          (callback as (e: Error) => void)(error);
          return;
        }
        if (options.all === true) (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
        else (callback as (e: null, a: string, f: number) => void)(null, addresses[0]?.address ?? "", addresses[0]?.family ?? 4);
      };
      if (fixed !== undefined) done(null, [{ address: fixed, family: fixed.includes(":") ? 6 : 4 }]);
      else this.resolve(hostname, { ...options, all: true }, done);
    };
  }

  /** POSTs `body` to `url`; never throws. */
  post(url: string, body: string, headers: Readonly<Record<string, string>>, allowPrivate: boolean): Promise<SendResult> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.resolve({ error: "not a URL", refused: true });
    }
    const https = target.protocol === "https:";
    if (!https && target.protocol !== "http:") return Promise.resolve({ error: "not an http(s) URL", refused: true });
    const literal = target.hostname.startsWith("[") ? target.hostname.slice(1, -1) : target.hostname;
    // An IP literal is connected to as written, without a lookup: check it here.
    if (!allowPrivate && /^[0-9.]+$|:/.test(literal) && isPrivateHost(literal)) {
      return Promise.resolve({ error: `${literal} is a private address`, refused: true });
    }
    const pool = allowPrivate ? this.agents.open : this.agents.strict;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: SendResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const send = https ? httpsRequest : httpRequest;
      const req = send(
        target,
        {
          method: "POST",
          agent: https ? pool.https : pool.http,
          lookup: this.guardedLookup(allowPrivate),
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "content-length": String(Buffer.byteLength(body)),
            "user-agent": "webcallback-server",
            ...headers,
          },
        },
        (res) => {
          let read = 0;
          res.on("data", (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_ANSWER_BYTES) res.destroy();
          });
          res.on("end", () => finish({ status: res.statusCode ?? 0 }));
          res.on("close", () => finish({ status: res.statusCode ?? 0 }));
          res.on("error", () => finish({ status: res.statusCode ?? 0 }));
        },
      );
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${this.o.timeoutMs} ms`)), this.o.timeoutMs);
      req.on("error", (error) => {
        const refused = error instanceof DestinationRefusedError;
        finish({ error: error.message, refused });
      });
      req.end(body);
    });
  }

  close(): void {
    for (const pool of [this.agents.strict, this.agents.open]) {
      pool.http.destroy();
      pool.https.destroy();
    }
  }
}
