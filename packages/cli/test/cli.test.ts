// The webcallback command in this process, with its streams, signals and directory injected.
import { createHmac } from "node:crypto";
import { EventEmitter } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT_FAILED, EXIT_OK, EXIT_REFUSED, WebcallbackCli } from "../src/cli.js";

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "wc-cli-"));
  dirs.push(dir);
  return dir;
}

async function run(argv: readonly string[], stdin = "", cwd?: string): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const cli = new WebcallbackCli({ stdout, stderr, stdin: Readable.from([stdin]), env: {}, cwd: cwd ?? (await tempDir()) });
  const code = await cli.run(argv);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe("help", () => {
  it.each([["help"], ["--help"], ["-h"]])("%s lists the commands that exist", async (arg) => {
    const { code, stdout } = await run([arg]);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toMatch(/^ {2}serve /m);
    expect(stdout).toMatch(/^ {2}tokens hash /m);
    expect(stdout).toMatch(/^ {2}mock /m);
    expect(stdout).toMatch(/^ {2}conformance /m);
    expect(stdout).toMatch(/^ {2}webhooks verify /m);
  });

  it.each(["serve", "tokens", "webhooks", "mock", "conformance"])("help %s is that command's own help", async (name) => {
    const { code, stdout } = await run(["help", name]);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toBe((await run([name, "--help"])).stdout);
    expect(stdout).toMatch(new RegExp(`^Usage: webcallback ${name}`));
  });

  it("serve --help lists its options", async () => {
    const { code, stdout } = await run(["serve", "--help"]);
    expect(code).toBe(EXIT_OK);
    for (const option of ["--host", "--port", "--config", "--db", "--tls-cert", "--tls-key", "--trust-proxy", "--log-level"])
      expect(stdout).toContain(option);
  });
});

describe("usage mistakes exit 2 with a message", () => {
  it.each([
    { name: "no command", argv: [], stderr: /^$/ },
    { name: "an unknown command", argv: ["launch"], stderr: /unknown command "launch"/ },
    { name: "an unknown option", argv: ["serve", "--colour"], stderr: /--colour/ },
    { name: "a port that is not a number", argv: ["serve", "--port", "eighty"], stderr: /--port/ },
    { name: "a port out of range", argv: ["serve", "--port", "70000"], stderr: /--port/ },
    { name: "an unknown log level", argv: ["serve", "--log-level", "loud"], stderr: /--log-level/ },
    { name: "a certificate without its key", argv: ["serve", "--tls-cert", "cert.pem"], stderr: /--tls-cert and --tls-key/ },
    { name: "plain HTTP on a public address", argv: ["serve", "--host", "0.0.0.0"], stderr: /HTTPS only.*--tls-cert.*--trust-proxy/s },
    { name: "tokens without a subcommand", argv: ["tokens"], stderr: /hash/ },
    {
      name: "a certificate that cannot be read",
      argv: ["serve", "--tls-cert", "missing.pem", "--tls-key", "missing.key"],
      stderr: /TLS certificate/,
    },
  ])("$name", async ({ argv, stderr }) => {
    const result = await run(argv);
    expect(result.code).toBe(EXIT_REFUSED);
    expect(result.stderr).toMatch(stderr);
  });

  it("a mistake in a command's options shows that command's help, not the list of commands", async () => {
    const result = await run(["serve", "--port", "eighty"]);
    expect(result.stderr).toMatch(/^webcallback: --port .*\n\nUsage: webcallback serve /);
    expect(result.stderr).not.toContain("Commands:");
  });
});

describe("tokens hash", () => {
  const ABC = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  it("hashes its argument", async () => {
    expect(await run(["tokens", "hash", "abc"])).toEqual({ code: EXIT_OK, stdout: `${ABC}\n`, stderr: "" });
  });

  it("hashes stdin without its line break", async () => {
    expect(await run(["tokens", "hash"], "abc\n")).toEqual({ code: EXIT_OK, stdout: `${ABC}\n`, stderr: "" });
  });

  it("refuses an empty token", async () => {
    const result = await run(["tokens", "hash"], "  \n");
    expect(result.code).toBe(EXIT_REFUSED);
    expect(result.stderr).toMatch(/no token/);
  });
});

describe("webhooks verify", () => {
  const SECRET = "demo-webhook-secret";
  const BODY = "foreign_key=1234456677&ctl_result=completed&ctl_interaction_guid=g";
  const T = 1_800_000_000;
  const header = (body = BODY, t = T) => `t=${t},v1=${createHmac("sha256", SECRET).update(`${t}.${body}`).digest("hex")}`;

  it("accepts a valid signature of the body on stdin", async () => {
    const result = await run(["webhooks", "verify", "--secret", SECRET, "--signature", header(), "--now", String(T + 10)], BODY);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toMatch(/^valid: signed at 2027-/);
  });

  it("reads the secret from WEBCALLBACK_WEBHOOK_SECRET and the body from a file", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "body.txt"), BODY);
    const stdout = new Capture();
    const stderr = new Capture();
    const cli = new WebcallbackCli({ stdout, stderr, stdin: Readable.from([]), env: { WEBCALLBACK_WEBHOOK_SECRET: SECRET }, cwd: dir });
    expect(await cli.run(["webhooks", "verify", "--signature", header(), "--tolerance", "0", "body.txt"])).toBe(EXIT_OK);
  });

  it.each([
    { name: "another body", argv: ["--signature", header(`${BODY}&x=1`), "--now", String(T)], stderr: /no v1 signature matches/ },
    { name: "another secret", argv: ["--signature", header(), "--secret", "other", "--now", String(T)], stderr: /no v1 signature matches/ },
    { name: "a stale time", argv: ["--signature", header(), "--now", String(T + 301)], stderr: /more than 300 s/ },
    { name: "a malformed header", argv: ["--signature", "v1=abc", "--now", String(T)], stderr: /no t=/ },
  ])("refuses $name with exit 1", async ({ argv, stderr }) => {
    const result = await run(["webhooks", "verify", "--secret", SECRET, ...argv], BODY);
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toMatch(stderr);
  });

  it("needs --signature and a secret", async () => {
    expect((await run(["webhooks", "verify", "--secret", SECRET], BODY)).code).toBe(EXIT_REFUSED);
    expect((await run(["webhooks", "verify", "--signature", header()], BODY)).stderr).toMatch(/no secret/);
    expect((await run(["webhooks"], "")).stderr).toMatch(/verify/);
  });
});

describe("serve", () => {
  it("refuses a configuration with a mistake, naming the file and the path", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "tenants.yaml"), "tenants:\n  Acme:\n    tokens: [plain-token]\n");
    const result = await run(["serve", "--config", "tenants.yaml", "--db", ":memory:"], "", dir);
    expect(result.code).toBe(EXIT_REFUSED);
    expect(result.stderr).toContain(join(dir, "tenants.yaml"));
    expect(result.stderr).toContain("$.tenants.Acme.tokens[0]");
    expect(result.stderr).toContain("(rule: pattern)");
  });

  it("refuses a certificate and key that are not PEM", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "cert.pem"), "not a certificate");
    await writeFile(join(dir, "key.pem"), "not a key");
    const result = await run(["serve", "--port", "0", "--db", ":memory:", "--tls-cert", "cert.pem", "--tls-key", "key.pem"], "", dir);
    expect(result.code).toBe(EXIT_REFUSED);
    expect(result.stderr).toMatch(/cannot serve with the TLS certificate and key/);
  });

  it("serves until SIGTERM, then exits 0; the default database goes under .data/", async () => {
    const dir = await tempDir();
    const stdout = new Capture();
    const stderr = new Capture();
    const signals = new EventEmitter();
    const cli = new WebcallbackCli({ stdout, stderr, stdin: Readable.from([]), env: {}, cwd: dir, signals });
    const exited = cli.run(["serve", "--port", "0"]);
    const deadline = Date.now() + 10_000;
    let listening: { url?: string; db?: string } | undefined;
    while (listening === undefined && Date.now() < deadline) {
      listening = stdout.text
        .split("\n")
        .filter((line) => line.includes('"msg":"listening"'))
        .map((line) => JSON.parse(line) as { url: string; db: string })[0];
      if (listening === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(listening?.db).toBe(join(dir, ".data", "webcallback.db"));
    expect(stdout.text).toContain("demo directory");
    expect((await fetch(`${listening?.url}/healthz`)).status).toBe(200);
    signals.emit("SIGTERM");
    expect(await exited).toBe(EXIT_OK);
    expect(stderr.text).toBe("");
  });
});
