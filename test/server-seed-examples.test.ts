// The seed's example URLs, copied verbatim (line breaks included) with only the host replaced,
// against `webcallback serve` with the demo directory: each is accepted, and what was committed
// is what the example asks for.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore, type StoredInteraction } from "@webcallback/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reply } from "./support/callback-client.ts";
import { type ServerProcess, startServer } from "./support/server-process.ts";

const SEED_HOST = "https://mycontactual.com";

// From seed/web-callback-api.txt, as printed there.
const BROWSER_TEST = `https://mycontactual.com/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=
16505551212&callback_type=1&channel_number=18006661212`;

const EXAMPLES = [
  {
    name: "example 1: call me now",
    url: `https://mycontactual.com/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=
16505551212&callback_type=1&channel_number=18006661212&back=http://www.acmejet.com/ctdresult.php&
caller_id=18006664444`,
    phone: "16505551212",
    want: { callback_type: 1, delayMs: 0, expiresMs: null, callerId: { kind: "channel", number: "18006664444" } },
  },
  {
    name: "example 2: call me after 5 minutes, with a result POST",
    url: `https://mycontactual.com/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=
16505551212&callback_type=1&channel_number=18006661212&back=http://www.acmejet.com/ctdresult.php&
caller_id=18006664444&callback_delay=300&ctl_userdata=[ctl_callbackUrl|https://mywebporter.com/
callback.php][Transactionid__c|$interaction_guid$][CallAnswerTime|$call_answered_time$]
[foreign_key|1234456677]`,
    phone: "16505551212",
    want: {
      callback_type: 1,
      delayMs: 300_000,
      expiresMs: null,
      callerId: { kind: "channel", number: "18006664444" },
      callbackUrl: "https://mywebporter.com/callback.php",
      userData: [
        { name: "Transactionid__c", value: "$interaction_guid$" },
        { name: "CallAnswerTime", value: "$call_answered_time$" },
        { name: "foreign_key", value: "1234456677" },
      ],
    },
  },
  {
    name: "example 3: call me when an agent is available",
    url: `https://mycontactual.com/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=
16505551212&callback_type=2&back=http://www.acmejet.com/ctdresult.php&caller_id=18006664444&queue_id=103`,
    phone: "16505551212",
    want: { callback_type: 2, delayMs: null, expiresMs: null, queueId: "103" },
  },
  {
    name: "example 4: as example 3, but give up after an hour",
    url: `https://mycontactual.com/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=
16505551212&callback_type=2&back=http://www.acmejet.com/ctdresult.php&caller_id=18006664444&
queue_id=103&expiration=3600`,
    phone: "16505551212",
    want: { callback_type: 2, delayMs: null, expiresMs: 3_600_000, queueId: "103" },
  },
] as const;

let server: ServerProcess;
let dir: string;
let dbFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wc-seed-"));
  dbFile = join(dir, "wc.db");
  server = await startServer({ args: ["--db", dbFile] });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
  await rm(dir, { recursive: true, force: true });
});

/** The example on our host, as a browser takes a pasted URL: its line breaks dropped by the URL parser. */
function asPasted(url: string): string {
  return new URL(url.replace(SEED_HOST, server.url)).href;
}

/** The example with each line break kept, percent-encoded, in the value it falls in. */
function withLineBreaks(url: string): string {
  return url.replace(SEED_HOST, server.url).replaceAll("\n", "%0A");
}

/** The newest stored interaction, read through the server package's public read-only store. */
async function newest(): Promise<StoredInteraction> {
  const store = new SqliteStore(dbFile, { readOnly: true });
  try {
    const all = await store.listInteractions({ limit: (await store.countInteractions()) + 1 });
    const last = all.at(-1);
    if (last === undefined) throw new Error("nothing committed");
    return last;
  } finally {
    await store.close();
  }
}

describe("the seed's examples, verbatim but for the host", () => {
  it("the browser test URL is accepted in JSON mode", async () => {
    const answer = await reply(await fetch(asPasted(BROWSER_TEST), { redirect: "manual" }));
    expect(answer.status).toBe(202);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.json).toMatchObject({ status: "accepted", callback_type: 1 });
    const guid = (answer.json as { interaction_guid: string }).interaction_guid;
    const stored = await newest();
    expect(stored.interactionGuid).toBe(guid);
    expect(stored).toMatchObject({ tenant: "Acme", phone: "16505551212", callbackType: 1 });
    // The scheduler takes it from there: placed at once (a type-1 request without delay).
    expect(["pending", "calling", "done"]).toContain(stored.state);
  });

  it.each(EXAMPLES)("$name: accepted, sent back to acmejet, committed as asked", async ({ url, phone, want }) => {
    const answer = await reply(await fetch(asPasted(url), { redirect: "manual" }));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("http://www.acmejet.com/ctdresult.php");
    expect(answer.headers.get("cache-control")).toBe("no-store");

    const stored = await newest();
    const request: Record<string, unknown> = { ...stored.request };
    expect(stored).toMatchObject({ tenant: "Acme", phone, callbackType: want.callback_type });
    // Type 1 waits for its time (or is dialled at once); type 2 waits in its queue or is taken by agent-1.
    expect(["pending", "queued", "offered", "calling", "done"]).toContain(stored.state);
    expect(stored.dueAt === null ? null : stored.dueAt - stored.acceptedAt).toBe(want.delayMs);
    expect(stored.expiresAt === null ? null : stored.expiresAt - stored.acceptedAt).toBe(want.expiresMs);
    if ("callerId" in want) expect(request.callerId).toEqual(want.callerId);
    if ("queueId" in want) expect(request.queueId).toBe(want.queueId);
    if ("callbackUrl" in want) expect(request.callbackUrl).toBe(want.callbackUrl);
    if ("userData" in want) expect(request.userData).toEqual(want.userData);
  });

  it.each(EXAMPLES)("$name: accepted too when its line breaks reach the server (values are trimmed)", async ({ url }) => {
    const answer = await reply(await fetch(withLineBreaks(url), { redirect: "manual" }));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("http://www.acmejet.com/ctdresult.php");
  });
});
