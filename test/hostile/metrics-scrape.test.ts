// Defect found with the intake benchmark: GET /metrics, which anyone may ask for, counted the
// interactions by state with a scan of every row (about 15 ms at 300,000 rows, on the event
// loop), so a client repeating it stalled a server with a large store. A scrape now reads the
// counts the store keeps beside the rows (interaction_counts), at the same cost at any size.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REQUEST_EXAMPLES } from "@webcallback/core";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { send } from "../support/callback-client.ts";
import { type ServerProcess, startServer } from "../support/server-process.ts";

const { back: _back, ...JSON_MODE } = REQUEST_EXAMPLES.Example1CallNow.value;

let dir: string;
let server: ServerProcess;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wc-hostile-metrics-"));
  file = join(dir, "store.db");
  server = await startServer({ args: ["--log-level", "warn", "--db", file] });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
  await rm(dir, { recursive: true, force: true });
});

async function interactionsGauge(): Promise<string[]> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return text.split("\n").filter((line) => line.startsWith("webcallback_interactions{"));
}

it("a scrape reports the kept counts, and does not count the rows itself", async () => {
  for (let i = 0; i < 3; i++) expect((await send(server.url, { ...JSON_MODE, ctl_userdata: `[n|${i}]` })).status).toBe(202);
  // Example 1 calls now: each request is pending or already on its way through the dialer.
  const before = await interactionsGauge();
  const total = before.reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
  expect(total).toBe(3);

  // Another connection sets a count no scan of three rows could give: the scrape shows it.
  const other = new Database(file);
  other.prepare("INSERT INTO interaction_counts (state, n) VALUES ('done', 5000000) ON CONFLICT (state) DO UPDATE SET n = 5000000").run();
  other.close();
  expect(await interactionsGauge()).toContain('webcallback_interactions{state="done"} 5000000');
});
