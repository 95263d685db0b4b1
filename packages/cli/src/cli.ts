// The `webcallback` command. Parses argv, runs a command and returns its exit code; only
// bin/webcallback.js calls process.exit. Exit codes: 0 done, 1 failed while running,
// 2 refused to start (usage, configuration, HTTPS policy).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ENDPOINT_PATH } from "@webcallback/core";
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_TRANSPORT_LIMITS, type TransportLimits } from "@webcallback/server/limits";
import { hashToken } from "@webcallback/server/token-hash";
import { commandIo } from "./commands/command-io.js";
import { conformanceCommand } from "./commands/conformance.js";
import { mockCommand } from "./commands/mock.js";

export interface SignalSource {
  once(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
  off(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
}

export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths (--config, --db, the default .data/) resolve against this. */
  readonly cwd: string;
  /** Where SIGTERM and SIGINT come from; the process by default. */
  readonly signals: SignalSource;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_REFUSED = 2;

/** The database `serve` uses when --db is not given, relative to the working directory. */
export const DEFAULT_DB = ".data/webcallback.db";

const HELP = `Usage: webcallback <command> [options]

Commands:
  serve          Run the reference web callback server
  tokens hash    Print the hash of a token, to paste into a configuration file
  mock           Run the Prism mock of the API for partners (no state)
  conformance    Check a deployment against the document and the contract
  help           Show this help

Run \`webcallback <command> --help\` for the options of a command.
`;

const SERVE_HELP = `Usage: webcallback serve [options]

Serves the web callback API (GET and POST ${ENDPOINT_PATH}), /healthz, /readyz and /metrics.

Options:
  --host H             Address to listen on (default 127.0.0.1). Plain HTTP only on loopback.
  --port N             Port (default 8080; 0 picks a free one).
  --config FILE        Tenant directory, YAML or JSON. Without it the built-in demo directory is used.
  --db FILE|:memory:   SQLite database (default ${DEFAULT_DB}; its directory is created).
  --tls-cert F         PEM certificate; with --tls-key, serve HTTPS.
  --tls-key F          PEM private key.
  --trust-proxy        A proxy in front terminates TLS: requests need X-Forwarded-Proto: https,
                       and the client address is the last X-Forwarded-For entry.
  --log-level L        fatal, error, warn, info, debug, trace or silent
                       (default info, or WEBCALLBACK_LOG_LEVEL).
  --max-connections N  Open connections at most; past it idle ones are cut first (default
                       ${DEFAULT_MAX_CONNECTIONS}, or fewer when the limit on open files is lower).
  --headers-timeout S  Seconds for a request's headers to arrive (default ${DEFAULT_TRANSPORT_LIMITS.headersTimeoutMs / 1000}).
  --request-timeout S  Seconds for a whole request to arrive (default ${DEFAULT_TRANSPORT_LIMITS.requestTimeoutMs / 1000}).
  -h, --help           Show this help.

SIGTERM or SIGINT stops it gracefully.
`;

const TOKENS_HELP = `Usage: webcallback tokens hash [TOKEN]

Prints sha256:<hex> for TOKEN (or for what stdin holds, surrounding white space removed).
Reading from stdin keeps the token out of the shell's history.
`;

class UsageError extends Error {}

interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly config: string | undefined;
  readonly db: string | undefined;
  readonly certFile: string | undefined;
  readonly keyFile: string | undefined;
  readonly trustProxy: boolean;
  /** Checked against the server's levels once the server is loaded. */
  readonly level: string;
  /** Only the limits given on the command line; the server fills in the rest. */
  readonly limits: Partial<TransportLimits>;
}

/** A whole number from `min` up, for option `name`; throws UsageError. */
function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^[0-9]{1,9}$/.test(text) || value < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got ${JSON.stringify(text)}`);
  return value;
}

export class WebcallbackCli {
  private readonly io: CliIo;

  constructor(io: Partial<CliIo> = {}) {
    this.io = {
      stdout: io.stdout ?? process.stdout,
      stderr: io.stderr ?? process.stderr,
      stdin: io.stdin ?? process.stdin,
      env: io.env ?? process.env,
      cwd: io.cwd ?? process.cwd(),
      signals: io.signals ?? process,
    };
  }

  /** Runs `argv` (without node and the script) and resolves with the exit code. */
  async run(argv: readonly string[]): Promise<number> {
    const [command, ...rest] = argv;
    try {
      switch (command) {
        case undefined:
        case "help":
        case "--help":
        case "-h":
          this.io.stdout.write(HELP);
          return command === undefined ? EXIT_REFUSED : EXIT_OK;
        case "serve":
          return await this.serve(rest);
        case "tokens":
          return await this.tokens(rest);
        case "mock":
          return await mockCommand(rest, commandIo(this.io));
        case "conformance":
          return await conformanceCommand(rest, commandIo(this.io));
        default:
          throw new UsageError(`unknown command ${JSON.stringify(command)}`);
      }
    } catch (error) {
      if (
        error instanceof UsageError ||
        (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
      ) {
        this.io.stderr.write(`webcallback: ${error.message}\n\n${HELP}`);
        return EXIT_REFUSED;
      }
      throw error;
    }
  }

  private fail(message: string, code: number): number {
    this.io.stderr.write(`webcallback: ${message}\n`);
    return code;
  }

  private async tokens(argv: readonly string[]): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { help: { type: "boolean", short: "h" } },
    });
    if (values.help === true) {
      this.io.stdout.write(TOKENS_HELP);
      return EXIT_OK;
    }
    const [sub, token, ...extra] = positionals;
    if (sub !== "hash")
      throw new UsageError(sub === undefined ? "tokens needs a subcommand: hash" : `unknown tokens subcommand ${JSON.stringify(sub)}`);
    if (extra.length > 0) throw new UsageError("tokens hash takes one token");
    const text = (token ?? (await this.readStdin())).trim();
    if (text === "") return this.fail("no token given (an argument, or on stdin)", EXIT_REFUSED);
    this.io.stdout.write(`${hashToken(text)}\n`);
    return EXIT_OK;
  }

  private async readStdin(): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString("utf8");
  }

  private async serve(argv: readonly string[]): Promise<number> {
    const options = this.serveOptions(argv);
    if (options === "help") {
      this.io.stdout.write(SERVE_HELP);
      return EXIT_OK;
    }
    // Loaded here so `tokens hash` and `help` start without the server's dependencies.
    const server = await import("@webcallback/server");
    if (!server.isLogLevel(options.level)) {
      throw new UsageError(`--log-level must be one of ${server.LOG_LEVELS.join(", ")}, got ${JSON.stringify(options.level)}`);
    }
    const { host, port, trustProxy, certFile, keyFile } = options;

    // Refused before anything is read or opened: the HTTPS policy, then the files.
    const policy = server.transportProblem({ host, tls: certFile === undefined ? undefined : { cert: "", key: "" }, trustProxy });
    if (policy !== undefined) return this.fail(policy, EXIT_REFUSED);
    let tls: { cert: Buffer; key: Buffer } | undefined;
    if (certFile !== undefined && keyFile !== undefined) {
      try {
        tls = { cert: await readFile(resolve(this.io.cwd, certFile)), key: await readFile(resolve(this.io.cwd, keyFile)) };
      } catch (error) {
        return this.fail(`cannot read the TLS certificate or key: ${(error as Error).message}`, EXIT_REFUSED);
      }
    }
    const configFile = options.config === undefined ? undefined : resolve(this.io.cwd, options.config);
    let directory: InstanceType<typeof server.ConfigDirectory>;
    try {
      directory = configFile === undefined ? server.demoDirectory() : new server.ConfigDirectory(await server.loadConfigFile(configFile));
    } catch (error) {
      if (error instanceof server.ConfigError) return this.fail(error.message, EXIT_REFUSED);
      throw error;
    }

    // The process's stdout gets a non-blocking writer; an injected stream is written as is.
    const stdoutWriter = this.io.stdout === process.stdout ? server.stdoutDestination() : undefined;
    const log = server.createLogger({ level: options.level, destination: stdoutWriter ?? this.io.stdout });
    const flushLog = () => (stdoutWriter === undefined ? Promise.resolve() : server.endDestination(stdoutWriter));
    if (configFile === undefined) {
      log.warn({}, "no --config given: using the built-in demo directory, whose tokens are public; never use it in production");
    } else {
      log.info({ config: configFile, tenants: directory.allTenants().length }, "configuration loaded");
    }

    const dbFile = options.db === ":memory:" ? ":memory:" : resolve(this.io.cwd, options.db ?? DEFAULT_DB);
    let store: InstanceType<typeof server.SqliteStore>;
    try {
      store = new server.SqliteStore(dbFile);
    } catch (error) {
      await flushLog();
      return this.fail(`cannot open the database ${dbFile}: ${(error as Error).message}`, EXIT_FAILED);
    }

    let app: ReturnType<typeof server.createWebcallbackServer>;
    let url: string;
    try {
      app = server.createWebcallbackServer({ host, port, directory, store, tls, trustProxy, logger: log, limits: options.limits });
    } catch (error) {
      // A certificate or key node cannot use.
      await store.close();
      await flushLog();
      return this.fail(`cannot serve with the TLS certificate and key given: ${(error as Error).message}`, EXIT_REFUSED);
    }
    try {
      url = await app.listen();
    } catch (error) {
      await store.close();
      await flushLog();
      return this.fail(`cannot listen on ${host}:${port}: ${(error as Error).message}`, EXIT_FAILED);
    }
    log.info({ url, db: dbFile, tls: tls !== undefined, trustProxy }, "listening");

    const signal = await this.nextSignal();
    log.info({ signal }, "shutting down");
    // A second signal cuts the open connections instead of waiting for them.
    let forced = false;
    const force = () => {
      forced = true;
      app.httpServer.closeAllConnections();
    };
    this.io.signals.once("SIGTERM", force);
    this.io.signals.once("SIGINT", force);
    try {
      await app.close();
    } finally {
      this.io.signals.off("SIGTERM", force);
      this.io.signals.off("SIGINT", force);
      await flushLog();
    }
    return forced ? EXIT_FAILED : EXIT_OK;
  }

  /** The options of `serve`, checked for form; throws UsageError. */
  private serveOptions(argv: readonly string[]): ServeOptions | "help" {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        host: { type: "string" },
        port: { type: "string" },
        config: { type: "string" },
        db: { type: "string" },
        "tls-cert": { type: "string" },
        "tls-key": { type: "string" },
        "trust-proxy": { type: "boolean" },
        "log-level": { type: "string" },
        "max-connections": { type: "string" },
        "headers-timeout": { type: "string" },
        "request-timeout": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help === true) return "help";
    if (positionals.length > 0) throw new UsageError(`serve takes no arguments, got ${JSON.stringify(positionals[0])}`);
    const portText = values.port ?? "8080";
    const port = Number(portText);
    if (!/^[0-9]{1,5}$/.test(portText) || port > 65_535)
      throw new UsageError(`--port must be a number from 0 to 65535, got ${JSON.stringify(portText)}`);
    const certFile = values["tls-cert"];
    const keyFile = values["tls-key"];
    if ((certFile === undefined) !== (keyFile === undefined)) throw new UsageError("--tls-cert and --tls-key go together");
    const limits: { -readonly [K in keyof TransportLimits]?: number } = {};
    if (values["max-connections"] !== undefined) limits.maxConnections = wholeNumber("max-connections", values["max-connections"], 1);
    if (values["headers-timeout"] !== undefined)
      limits.headersTimeoutMs = wholeNumber("headers-timeout", values["headers-timeout"], 1) * 1000;
    if (values["request-timeout"] !== undefined)
      limits.requestTimeoutMs = wholeNumber("request-timeout", values["request-timeout"], 1) * 1000;
    return {
      host: values.host ?? "127.0.0.1",
      port,
      config: values.config,
      db: values.db,
      certFile,
      keyFile,
      trustProxy: values["trust-proxy"] === true,
      level: values["log-level"] ?? this.io.env.WEBCALLBACK_LOG_LEVEL ?? "info",
      limits,
    };
  }

  private nextSignal(): Promise<"SIGTERM" | "SIGINT"> {
    return new Promise((resolveSignal) => {
      const onTerm = () => done("SIGTERM");
      const onInt = () => done("SIGINT");
      const done = (signal: "SIGTERM" | "SIGINT") => {
        this.io.signals.off("SIGTERM", onTerm);
        this.io.signals.off("SIGINT", onInt);
        resolveSignal(signal);
      };
      this.io.signals.once("SIGTERM", onTerm);
      this.io.signals.once("SIGINT", onInt);
    });
  }
}
