// Starts the real `webcallback serve` as a child process on a free loopback port,
// as a partner would run it, and waits until /healthz answers.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { get as httpsGet } from "node:https";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = join(REPO_ROOT, "packages/cli/bin/webcallback.js");

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr together. */
  output(): string;
  /** Sends a signal (SIGTERM by default) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  /** Extra arguments after `serve --host 127.0.0.1 --port N`; `--db :memory:` unless one is given. */
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly readyTimeoutMs?: number;
  /** The server serves HTTPS (`--tls-cert`, `--tls-key`): the certificate to trust; the URL becomes https. */
  readonly tlsCa?: string | Buffer;
  /** Flags for node itself, before the script (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
  readonly nodeArgs?: readonly string[];
  /** A soft and hard limit on open files for the server process (bash's `ulimit -n`). */
  readonly openFilesLimit?: number;
}

/** GET over HTTPS trusting `ca` only; resolves with the status. */
export function httpsStatus(url: string, ca: string | Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    httpsGet(url, { ca }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject);
  });
}

export async function startServer(options: StartOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const args = [...(options.args ?? [])];
  if (!args.includes("--db")) args.push("--db", ":memory:");
  const command = [process.execPath, ...(options.nodeArgs ?? []), CLI, "serve", "--host", "127.0.0.1", "--port", String(port), ...args];
  const limited =
    options.openFilesLimit === undefined
      ? command
      : ["/bin/bash", "-c", `ulimit -n ${options.openFilesLimit} && exec "$@"`, "bash", ...command];
  const [program = process.execPath, ...programArgs] = limited;
  const child = spawn(program, programArgs, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `${options.tlsCa === undefined ? "http" : "https"}://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 15_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${text}`);
    try {
      const status =
        options.tlsCa === undefined ? (await fetch(`${url}/healthz`)).status : await httpsStatus(`${url}/healthz`, options.tlsCa);
      if (status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server not ready within the time limit:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    port,
    child,
    output: () => text,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
