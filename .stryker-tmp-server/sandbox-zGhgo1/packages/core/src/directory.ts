// @ts-nocheck
// What the validator asks about tenants. The server backs it with its config, tests
// and the browser with plain objects; core never does I/O to answer it.

export interface DirectoryChannel {
  readonly number: string;
  /** The IVR script run when the customer answers a call placed on this channel. */
  readonly ivrScript?: string;
}

export interface DirectoryQueue {
  readonly id: string;
  readonly enabled: boolean;
  readonly direction: "outbound" | "inbound";
}

export interface DirectoryTenant {
  readonly name: string;
  readonly enabled: boolean;
  readonly webCallbackEnabled: boolean;
  /** IANA time zone used by the `…TenantTT$` and date-part tokens. */
  readonly timeZone: string;
  readonly defaultCallerId: string;
  /** Origins such as `http://www.acmejet.com` or `http://localhost:*` (any port). */
  readonly allowedBackOrigins: readonly string[];
  /** Host names a ctl_callbackUrl may point at. */
  readonly allowedCallbackHosts: readonly string[];
  /** Loopback, private and link-local callback hosts are refused unless this is true. */
  readonly allowPrivateCallbackHosts?: boolean;
  /** Must compare in constant time (the server compares SHA-256 digests; tests may compare plain text). */
  tokenMatches(token: string): boolean;
  channel(number: string): DirectoryChannel | undefined;
  queue(id: string): DirectoryQueue | undefined;
  hasDialPlan(id: string): boolean;
}

export interface Directory {
  tenant(name: string): DirectoryTenant | undefined;
}
