// @ts-nocheck
// The server in this process, on loopback, with parts a child process cannot swap: a store that
// fails on demand, a slow store, a directory that throws, a logger the test reads.
import { request } from "node:http";
import { CATALOGUE, CTL_ERROR, type Directory, REQUEST_EXAMPLES } from "@webcallback/core";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigDirectory } from "../src/config/config-directory.js";
import { DEMO_TOKENS, demoConfig } from "../src/config/demo-directory.js";
import { createLogger } from "../src/ops/logger.js";
import { Metrics } from "../src/ops/metrics.js";
import { createWebcallbackServer, TransportPolicyError, type WebcallbackServer } from "../src/server.js";
import { SqliteStore } from "../src/store/sqlite-store.js";
import type { ListOptions, NewInteraction, Store, StoredInteraction } from "../src/store/store.js";

/** A store whose writes and probes fail while `failing` is set, or take `delayMs`. */
class ControlledStore implements Store {
  readonly engine = "test";
  failing = false;
  delayMs = 0;
  private readonly inner = new SqliteStore(":memory:");

  async addInteraction(interaction: NewInteraction): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failing) throw new Error("disk full (test)");
    return this.inner.addInteraction(interaction);
  }
  countInteractions(): Promise<number> {
    return this.inner.countInteractions();
  }
  listInteractions(options?: ListOptions): Promise<StoredInteraction[]> {
    return this.inner.listInteractions(options);
  }
  async probe(): Promise<void> {
    if (this.failing) throw new Error("disk full (test)");
    return this.inner.probe();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

const CALL_NOW = new URLSearchParams({ ...REQUEST_EXAMPLES.Example1CallNow.value, back: "" }).toString();
const BAD_TOKEN = CALL_NOW.replace(DEMO_TOKENS.Acme, "wrong");

interface Started {
  readonly server: WebcallbackServer;
  readonly store: ControlledStore;
  readonly logs: string[];
}

const running: WebcallbackServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function start(options: { directory?: Directory; maxPendingCommits?: number } = {}): Promise<Started> {
  const store = new ControlledStore();
  const logs: string[] = [];
  const server = createWebcallbackServer({
    port: 0,
    directory: options.directory ?? new ConfigDirectory(demoConfig()),
    store,
    logger: createLogger({ level: "debug", destination: { write: (line: string) => void logs.push(line) } }),
    metrics: new Metrics({ processMetrics: false }),
    probeIntervalMs: 20,
    drainTimeoutMs: 2000,
    ...(options.maxPendingCommits === undefined ? {} : { maxPendingCommits: options.maxPendingCommits }),
  });
  await server.listen();
  running.push(server);
  return { server, store, logs };
}

async function get(server: WebcallbackServer, query: string, path = "/SC/webcallback.php"): Promise<Response> {
  return fetch(`${server.url}${path}?${query}`, { redirect: "manual" });
}

async function until(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("a store that cannot be written", () => {
  it("answers 15 with Retry-After, is not ready, and recovers when the store does", async () => {
    const { server, store } = await start();
    expect((await get(server, CALL_NOW)).status).toBe(202);

    store.failing = true;
    const failed = await get(server, CALL_NOW);
    expect(failed.status).toBe(CATALOGUE[CTL_ERROR.SERVICE_UNAVAILABLE].httpStatus);
    expect(failed.headers.get("retry-after")).toBe("5");
    expect(await failed.json()).toEqual({ ctl_error: 15, message: CATALOGUE[15].message });
    expect((await get(server, "", "/readyz")).status).toBe(503);
    // Step 1 comes first: even a request with a wrong token hears 15 now.
    expect(await (await get(server, BAD_TOKEN)).json()).toMatchObject({ ctl_error: 15 });
    // And 15 is never redirected.
    const redirected = await get(server, `${CALL_NOW}&back=${encodeURIComponent("http://127.0.0.1:9/done")}`);
    expect(redirected.status).toBe(503);

    store.failing = false;
    await until(async () => (await get(server, "", "/readyz")).status === 200);
    expect((await get(server, CALL_NOW)).status).toBe(202);
    expect(await store.countInteractions()).toBe(2);
  });

  it("is found by /readyz before any request fails", async () => {
    const { server, store } = await start();
    store.failing = true;
    const ready = await get(server, "", "/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "unavailable", reason: "store" });
    expect((await get(server, CALL_NOW)).status).toBe(503);
  });
});

describe("unexpected failures", () => {
  it("answer 19 in JSON when the directory throws", async () => {
    const directory: Directory = {
      tenant() {
        throw new Error("directory broken (test)");
      },
    };
    const { server } = await start({ directory });
    const response = await get(server, CALL_NOW);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ ctl_error: 19, message: CATALOGUE[19].message });
  });
});

describe("overload", () => {
  it("answers 15 when too many commits are under way", async () => {
    const { server } = await start({ maxPendingCommits: 0 });
    expect(await (await get(server, CALL_NOW)).json()).toMatchObject({ ctl_error: 15 });
  });
});

/** Sends the headers of a form POST now and its body when `finish` is called. */
function slowPost(
  server: WebcallbackServer,
  body: string,
): { finish: () => void; answer: Promise<{ status: number; headers: Record<string, unknown>; text: string }> } {
  const url = new URL(`${server.url}/SC/webcallback.php`);
  let finish = () => {};
  const answer = new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": body.length },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.flushHeaders();
    finish = () => req.end(body);
  });
  return { finish: () => finish(), answer };
}

describe("graceful shutdown", () => {
  it("answers 15 to a request that arrives while draining, then closes the store", async () => {
    const { server, store } = await start();
    const late = slowPost(server, CALL_NOW);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close();
    late.finish();
    const answer = await late.answer;
    expect(answer.status).toBe(503);
    expect(answer.headers.connection).toBe("close");
    expect(JSON.parse(answer.text)).toEqual({ ctl_error: 15, message: CATALOGUE[15].message });
    await closed;
    await expect(store.probe()).rejects.toThrow();
  });

  it("lets a commit under way finish and answers it before the store closes", async () => {
    const { server, store } = await start();
    store.delayMs = 300;
    const answer = get(server, CALL_NOW);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = server.close();
    const response = await answer;
    expect(response.status).toBe(202);
    await closed;
  });
});

describe("logs", () => {
  it("write one line per request with its id, and never the token", async () => {
    const { server, logs } = await start();
    const response = await fetch(`${server.url}/SC/webcallback.php?${CALL_NOW}`, { headers: { "x-request-id": "trace-42" } });
    expect(response.headers.get("x-request-id")).toBe("trace-42");
    await get(server, BAD_TOKEN);
    await get(server, `token=${DEMO_TOKENS.Acme}`, "/nowhere");
    const generated = (await get(server, CALL_NOW)).headers.get("x-request-id");
    const lines = logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === "request");
    expect(lines[0]).toMatchObject({ reqId: "trace-42", method: "GET", path: "/SC/webcallback.php", status: 202 });
    expect(lines[1]).toMatchObject({ status: 401, ctl_error: 3 });
    expect(lines[2]).toMatchObject({ path: "(unknown)", status: 404 });
    expect(lines[3]?.reqId).toBe(generated);
    expect(logs.join("")).not.toContain(DEMO_TOKENS.Acme);
  });

  it("do not echo a request id that could break a header or a line", async () => {
    const { server } = await start();
    const response = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "a b\tc" } });
    expect(response.headers.get("x-request-id")).not.toBe("a b\tc");
  });
});

describe("the HTTPS policy", () => {
  it.each([
    { host: "0.0.0.0", tls: false, trustProxy: false, refused: true },
    { host: "192.0.2.10", tls: false, trustProxy: false, refused: true },
    { host: "::", tls: false, trustProxy: false, refused: true },
    { host: "0.0.0.0", tls: false, trustProxy: true, refused: false },
    { host: "0.0.0.0", tls: true, trustProxy: false, refused: false },
    { host: "127.0.0.1", tls: false, trustProxy: false, refused: false },
    { host: "127.1.2.3", tls: false, trustProxy: false, refused: false },
    { host: "::1", tls: false, trustProxy: false, refused: false },
    { host: "localhost", tls: false, trustProxy: false, refused: false },
  ])("$host, tls $tls, trust proxy $trustProxy: refused $refused", ({ host, tls, trustProxy, refused }) => {
    const build = () =>
      createWebcallbackServer({
        host,
        directory: new ConfigDirectory(demoConfig()),
        store: new SqliteStore(":memory:"),
        tls: tls ? { cert: "", key: "" } : undefined,
        trustProxy,
        logger: createLogger({ level: "silent" }),
        metrics: new Metrics({ processMetrics: false }),
      });
    if (refused) expect(build).toThrow(TransportPolicyError);
    // Built but never listening: nothing leaves loopback.
    else expect(build).not.toThrow();
  });
});
