// What a command module needs from the CLI, so each command stays its own module.

export interface SignalSource {
  once(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
  off(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
}

export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly signals: SignalSource;
  /** Reports a usage mistake with the command's help and returns the "refused" exit code (2). */
  usage(message: string, help: string): number;
}

/** A usage mistake in a command's arguments. */
export class UsageProblem extends Error {
  override readonly name = "UsageProblem";
}

export function parsePort(text: string | undefined, fallback: number, option = "port"): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^[0-9]{1,5}$/.test(text) || port > 65_535)
    throw new UsageProblem(`--${option} must be a number from 0 to 65535, got ${JSON.stringify(text)}`);
  return port;
}

export function nextSignal(signals: SignalSource): Promise<"SIGTERM" | "SIGINT"> {
  return new Promise((resolve) => {
    const onTerm = () => done("SIGTERM");
    const onInt = () => done("SIGINT");
    const done = (signal: "SIGTERM" | "SIGINT") => {
      signals.off("SIGTERM", onTerm);
      signals.off("SIGINT", onInt);
      resolve(signal);
    };
    signals.once("SIGTERM", onTerm);
    signals.once("SIGINT", onInt);
  });
}

/** The command view of the CLI's stdio: usage mistakes print to stderr and exit 2, as `serve` does. */
export function commandIo(io: Omit<CommandIo, "usage">): CommandIo {
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    signals: io.signals,
    usage: (message, help) => {
      io.stderr.write(`webcallback: ${message}\n\n${help}`);
      return 2;
    },
  };
}
