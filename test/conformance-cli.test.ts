// `webcallback conformance` and `webcallback mock` as a partner runs them: child processes,
// exit codes, reporters, and the last line.
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { FAULTS, startFaultyProxy } from "./faulty/faulty-proxy.js";
import { CLI, freePort, REPO_ROOT, startServer } from "./support/server-process.js";

const server = await startServer({ args: ["--log-level", "silent"] });
afterAll(async () => {
  await server.stop();
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr });
    });
  });
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);

describe("webcallback conformance", () => {
  it("passes with exit 0, a line per case and `N passed, N failed` last (spec)", async () => {
    const run = await cli("conformance", "--base-url", server.url, "--filter", "error/17/");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("✓ error/17/x-request/GET\n");
    expect(lastLine(run.stdout)).toBe("4 passed, 0 failed");
  });

  it("--timeout bounds each request: a target that never answers fails the case after it, not after 10 s", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", () => resolve()));
    const address = silent.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    try {
      const started = performance.now();
      const run = await cli(
        "conformance",
        "--base-url",
        `http://127.0.0.1:${address.port}`,
        "--profile",
        "stateless",
        "--timeout",
        "0.5",
        "--filter",
        "error/17/x-request/GET",
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("no answer: The operation was aborted due to timeout");
      expect(performance.now() - started).toBeLessThan(8_000);
      // The whole stateless profile fails at once: one probe, not a timeout per case.
      const all = await cli("conformance", "--base-url", `http://127.0.0.1:${address.port}`, "--profile", "stateless", "--timeout", "0.5");
      expect(all.code).toBe(1);
      expect(all.stdout.trimEnd().split("\n").at(-1)).toMatch(/^0 passed, [1-9][0-9]+ failed$/);
      expect(all.stdout).toContain("no case was sent");
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("says why a target gave no answer (connection refused)", async () => {
    const run = await cli(
      "conformance",
      "--base-url",
      `http://127.0.0.1:${await freePort()}`,
      "--profile",
      "stateless",
      "--filter",
      "error/17/x-request/GET",
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("no answer: fetch failed (ECONNREFUSED)");
    expect(run.stdout).toContain("no case was sent");
  });

  it("--listener-port puts the result-POST listener where it is told; a port in use is refused (exit 2)", async () => {
    const port = await freePort();
    const run = await cli("conformance", "--base-url", server.url, "--filter", "scenario/result-post", "--listener-port", String(port));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(lastLine(run.stdout)).toBe("1 passed, 0 failed");
    const busy = await cli(
      "conformance",
      "--base-url",
      server.url,
      "--filter",
      "scenario/result-post",
      "--listener-port",
      String(server.port),
    );
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`the result-POST listener cannot listen on 127.0.0.1:${server.port}`);
  });

  it("refuses a --timeout that is not a number of seconds", async () => {
    const run = await cli("conformance", "--base-url", server.url, "--timeout", "soon");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--timeout must be a number of seconds");
  });

  it("refuses a --filter that matches no case (exit 2), before sending anything", async () => {
    const run = await cli("conformance", "--base-url", server.url, "--filter", "no-such-case");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--filter "no-such-case" matches no case of the full profile');
  });

  it("writes TAP", async () => {
    const run = await cli("conformance", "--base-url", server.url, "--reporter", "tap", "--filter", "error/17/");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^TAP version 14\n1\.\.4\nok 1 - error\/17\/x-request\/GET\n/);
    expect(lastLine(run.stdout)).toBe("4 passed, 0 failed");
  });

  it("writes JUnit XML to stdout and the case lines to stderr", async () => {
    const run = await cli("conformance", "--base-url", server.url, "--reporter", "junit", "--filter", "error/17/");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites tests="4" failures="0"/);
    expect(run.stdout).toContain('<testcase classname="webcallback.conformance" name="error/17/x-request/GET"');
    expect(lastLine(run.stderr)).toBe("4 passed, 0 failed");
  });

  it("exits 1 against a faulty server and says what was sent, what came back and which rule broke", async () => {
    const fault = FAULTS.find((f) => f.name === "wrong-code");
    if (fault === undefined) throw new Error("no wrong-code fault");
    const proxy = await startFaultyProxy(server.url, fault);
    try {
      const run = await cli("conformance", "--base-url", proxy.url, "--profile", "stateless", "--filter", "error/17/x-request/GET");
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("✗ error/17/x-request/GET\n");
      expect(run.stdout).toContain("rule: ctl_error 17 MISSING_PHONE");
      expect(run.stdout).toContain("problem: expected ctl_error 17 (MISSING_PHONE), got 12");
      expect(run.stdout).toContain("sent: GET /SC/webcallback.php?tenant=Acme");
      expect(run.stdout).toContain('got:  400 {"ctl_error":12');
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
    } finally {
      await proxy.close();
    }
  });

  it("refuses to start without --base-url (exit 2)", async () => {
    const run = await cli("conformance");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--base-url is required");
  });
});

describe("webcallback mock", () => {
  it("serves on the port asked for, answers like the service, and stops on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, "mock", "--port", String(port)], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    try {
      const deadline = Date.now() + 60_000;
      while (!text.includes("mock listening on") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(text).toContain(`mock listening on http://127.0.0.1:${port}/SC/webcallback.php`);
      const answer = await fetch(
        `http://127.0.0.1:${port}/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&callback_type=1`,
      );
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ ctl_error: 17 });
    } finally {
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    }
  }, 90_000);
});
