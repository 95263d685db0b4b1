// `webcallback serve`: the reference server with its directory, store, transport and logs,
// until SIGTERM or SIGINT.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ENDPOINT_PATH } from "@webcallback/core";
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_TRANSPORT_LIMITS, type TransportLimits } from "@webcallback/server/limits";
import { type CliIo, type Command, EXIT_FAILED, EXIT_OK, EXIT_REFUSED, fail, UsageError } from "../command.js";

/** The database `serve` uses when --db is not given, relative to the working directory. */
export const DEFAULT_DB = ".data/webcallback.db";

const SERVE_HELP = `Usage: webcallback serve [options]

Serves the web callback API (GET and POST ${ENDPOINT_PATH}), /healthz, /readyz and /metrics,
places the calls with the simulated dialer, POSTs results to ctl_callbackUrl, and answers
the simulator's control API under /sim/ (Authorization: Bearer <admin token>).

Options:
  --host H             Address to listen on (default 127.0.0.1). Plain HTTP only on loopback.
  --port N             Port (default 8080; 0 picks a free one).
  --config FILE        Tenant directory, YAML or JSON. Without it the built-in demo directory is used.
  --db FILE|:memory:   SQLite database (default ${DEFAULT_DB}; its directory is created).
  --writer-thread      Commit accepted requests (and checkpoint) on a worker thread, so the event
                       loop keeps serving meanwhile: pays where a core is free for it; on a
                       2-core machine shared with the load it measured slower (see the README).
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

interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly config: string | undefined;
  readonly db: string | undefined;
  readonly certFile: string | undefined;
  readonly keyFile: string | undefined;
  readonly trustProxy: boolean;
  readonly writerThread: boolean;
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

class Serve {
  constructor(private readonly io: CliIo) {}

  private fail(message: string, code: number): number {
    return fail(this.io, message, code);
  }

  async run(argv: readonly string[]): Promise<number> {
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
    let unlock = () => {};
    let store: InstanceType<typeof server.SqliteStore>;
    try {
      if (dbFile !== ":memory:") unlock = server.lockDatabase(dbFile);
      store = new server.SqliteStore(dbFile, { writerThread: options.writerThread });
    } catch (error) {
      unlock();
      await flushLog();
      if (error instanceof server.DatabaseLockedError) return this.fail(error.message, EXIT_REFUSED);
      return this.fail(`cannot open the database ${dbFile}: ${(error as Error).message}`, EXIT_FAILED);
    }
    // The lock goes with the store, on every way out below.
    const closeStore = async () => {
      await store.close();
      unlock();
    };

    let app: ReturnType<typeof server.createWebcallbackServer>;
    let url: string;
    try {
      app = server.createWebcallbackServer({ host, port, directory, store, tls, trustProxy, logger: log, limits: options.limits });
    } catch (error) {
      // A certificate or key node cannot use.
      await closeStore();
      await flushLog();
      return this.fail(`cannot serve with the TLS certificate and key given: ${(error as Error).message}`, EXIT_REFUSED);
    }
    try {
      url = await app.listen();
    } catch (error) {
      await closeStore();
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
      unlock();
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
        "writer-thread": { type: "boolean" },
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
      writerThread: values["writer-thread"] === true,
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

export const serveCommand: Command = {
  help: [["serve", "Run the reference web callback server"]],
  usage: SERVE_HELP,
  run: (argv, io) => new Serve(io).run(argv),
};
