// @ts-nocheck
// Structured JSON logs (pino). Nothing secret is logged: request lines carry the path
// without its query, known secret fields are redacted, and maskSecrets cleans any text
// that may hold a query string.
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** Fields that never reach a log line in clear; explicit paths keep redaction cheap. */
const REDACTED = [
  "token",
  "adminToken",
  "webhookSecret",
  "params.token",
  "query.token",
  "headers.authorization",
  "headers.cookie",
  "req.headers.authorization",
  "req.headers.cookie",
];

const SECRET_PARAM = /([?&;]|^)(token|adminToken|webhookSecret|admin_token)=[^&#\s]*/gi;
const BEARER = /\b(Bearer\s+)[^\s,]+/gi;

/** `token=…` in a query string and `Bearer …` credentials replaced by `***`. */
export function maskSecrets(text: string): string {
  return text.replace(SECRET_PARAM, "$1$2=***").replace(BEARER, "$1***");
}

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Where lines go; stdout by default. */
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED, censor: "***" },
    },
    options.destination ?? stdoutDestination(),
  );
}

/** A destination that can be ended once the last line is written. */
export interface EndableDestination extends DestinationStream {
  end(): void;
  once(event: "close", listener: () => void): unknown;
}

/** Standard output without blocking on every line; end it with endDestination before exiting. */
export function stdoutDestination(): EndableDestination {
  return pino.destination({ dest: 1, sync: false });
}

/** Writes what is still buffered, in order, and resolves (at the latest after `timeoutMs`). */
export function endDestination(destination: EndableDestination, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    destination.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    destination.end();
  });
}
