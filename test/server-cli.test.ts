// The `webcallback` bin as a partner runs it: a configuration with a mistake and plain HTTP off
// loopback are refused at start (exit 2, a message naming what is wrong), HTTPS with a
// certificate, `tokens hash`, and a clean exit on SIGTERM.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REQUEST_EXAMPLES } from "@webcallback/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, freePort, REPO_ROOT, startServer } from "./support/server-process.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wc-cli-e2e-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the bin to completion (for commands that refuse to start or finish at once). */
function runCli(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, input, encoding: "utf8", timeout: 15_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("a configuration with a mistake is refused at start", () => {
  it.each([
    {
      name: "YAML: a plain token",
      file: "tenants.yaml",
      text: "tenants:\n  Acme:\n    tokens:\n      - fb65d0515b9631c6db72e7e66fe6df49\n",
      want: ["tenants.yaml:4:", "$.tenants.Acme.tokens[0]", "(rule: pattern)", "webcallback tokens hash"],
    },
    {
      name: "JSON: a queue with no direction",
      file: "tenants.json",
      text: `{"tenants": {"Acme": {"tokens": [], "queues": {"103": {"enabled": true}}}}}`,
      want: ["tenants.json:1:", '$.tenants.Acme.queues["103"]', "(rule: required)", '"direction"'],
    },
    {
      name: "YAML: an agent in a queue that does not exist",
      file: "agents.yaml",
      text: "tenants:\n  Acme:\n    tokens: []\n    agents:\n      agent-1: { queues: ['7'] }\n",
      want: ["agents.yaml:5:", '$.tenants.Acme.agents["agent-1"].queues[0]', "(rule: reference)"],
    },
  ])("$name", async ({ file, text, want }) => {
    const path = join(dir, file);
    await writeFile(path, text);
    const port = await freePort();
    const result = runCli(["serve", "--host", "127.0.0.1", "--port", String(port), "--db", ":memory:", "--config", path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(path);
    for (const part of want) expect(result.stderr).toContain(part);
  });

  it("a missing file too", () => {
    const result = runCli(["serve", "--port", "0", "--db", ":memory:", "--config", join(dir, "absent.yaml")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("absent.yaml");
  });
});

describe("the HTTPS policy", () => {
  it("refuses plain HTTP off loopback before listening, exit 2", () => {
    const result = runCli(["serve", "--host", "0.0.0.0", "--port", "0", "--db", ":memory:"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refusing to serve plain HTTP on 0\.0\.0\.0/);
    expect(result.stderr).toMatch(/--tls-cert and --tls-key.*--trust-proxy/);
  });

  const openssl = spawnSync("openssl", ["version"]).status === 0;

  it.skipIf(!openssl)("serves HTTPS with --tls-cert and --tls-key", async () => {
    const cert = join(dir, "cert.pem");
    const key = join(dir, "key.pem");
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
        ...["-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
      ],
      { stdio: "ignore" },
    );
    const ca = await readFile(cert);
    const server = await startServer({ args: ["--tls-cert", cert, "--tls-key", key], tlsCa: ca });
    try {
      expect(server.url).toMatch(/^https:/);
      const query = new URLSearchParams({ ...REQUEST_EXAMPLES.Example1CallNow.value, back: "" }).toString();
      const status = await new Promise<number>((resolve, reject) => {
        request(`${server.url}/SC/webcallback.php?${query}`, { ca }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on("error", reject)
          .end();
      });
      expect(status).toBe(202);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe("other commands", () => {
  it("tokens hash prints the text to paste, from an argument or stdin", () => {
    const want = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n";
    expect(runCli(["tokens", "hash", "abc"])).toMatchObject({ status: 0, stdout: want });
    expect(runCli(["tokens", "hash"], "abc\n")).toMatchObject({ status: 0, stdout: want });
  });

  it("--help lists serve and tokens hash", () => {
    const result = runCli(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("serve");
    expect(result.stdout).toContain("tokens hash");
  });

  it("SIGINT stops the server as SIGTERM does, exit 0", async () => {
    const server = await startServer();
    expect(await server.stop("SIGINT")).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });
});
