// What every command module shares: the injected stdio, the exit codes, usage errors, and
// the shape the dispatch table in cli.ts holds.

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

/** A mistake in the command line: the CLI prints it with the help and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface Command {
  /** The lines of the top-level help, e.g. `["tokens hash", "Print the hash of a token …"]`. */
  readonly help: readonly (readonly [usage: string, summary: string])[];
  /** The command's own help (`webcallback <command> --help`), shown with its usage mistakes too. */
  readonly usage: string;
  /** Runs with the arguments after the command name; resolves with the exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Writes `webcallback: message` to stderr and returns `code`. */
export function fail(io: CliIo, message: string, code: number): number {
  io.stderr.write(`webcallback: ${message}\n`);
  return code;
}

/** Everything on stdin, as UTF-8. */
export async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
