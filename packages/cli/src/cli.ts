// The `webcallback` command. Parses argv, runs a command and returns its exit code; only
// bin/webcallback.js calls process.exit. Exit codes: 0 done, 1 failed while running,
// 2 refused to start (usage, configuration, HTTPS policy). Each command is a module under
// commands/; adding one is one line in COMMANDS.
import { type CliIo, type Command, EXIT_OK, EXIT_REFUSED, UsageError } from "./command.js";
import { commandIo } from "./commands/command-io.js";
import { CONFORMANCE_HELP, conformanceCommand } from "./commands/conformance.js";
import { MOCK_HELP, mockCommand } from "./commands/mock.js";
import { serveCommand } from "./commands/serve.js";
import { tokensCommand } from "./commands/tokens.js";
import { webhooksCommand } from "./commands/webhooks.js";

export { type CliIo, EXIT_FAILED, EXIT_OK, EXIT_REFUSED, type SignalSource } from "./command.js";
export { DEFAULT_DB } from "./commands/serve.js";

/** Every command by name, in the order the help lists them. */
const COMMANDS: Readonly<Record<string, Command>> = {
  serve: serveCommand,
  tokens: tokensCommand,
  webhooks: webhooksCommand,
  mock: {
    help: [["mock", "Run the Prism mock of the API for partners (no state)"]],
    usage: MOCK_HELP,
    run: (argv, io) => mockCommand(argv, commandIo(io)),
  },
  conformance: {
    help: [["conformance", "Check a deployment against the document and the contract"]],
    usage: CONFORMANCE_HELP,
    run: (argv, io) => conformanceCommand(argv, commandIo(io)),
  },
};

function helpText(): string {
  const lines: [string, string][] = [
    ...Object.values(COMMANDS).flatMap((c) => c.help.map(([u, s]): [string, string] => [u, s])),
    ["help", "Show this help"],
  ];
  const width = Math.max(...lines.map(([usage]) => usage.length)) + 2;
  return `Usage: webcallback <command> [options]

Commands:
${lines.map(([usage, summary]) => `  ${usage.padEnd(width)} ${summary}`).join("\n")}

Run \`webcallback <command> --help\` for the options of a command.
`;
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
    const commandNamed = (name: string | undefined) => (name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined);
    let chosen: Command | undefined;
    try {
      if (command === undefined || command === "help" || command === "--help" || command === "-h") {
        // `help serve` is `serve --help`.
        this.io.stdout.write(commandNamed(command === "help" ? rest[0] : undefined)?.usage ?? helpText());
        return command === undefined ? EXIT_REFUSED : EXIT_OK;
      }
      chosen = commandNamed(command);
      if (chosen === undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
      return await chosen.run(rest, this.io);
    } catch (error) {
      if (
        error instanceof UsageError ||
        (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
      ) {
        this.io.stderr.write(`webcallback: ${error.message}\n\n${chosen?.usage ?? helpText()}`);
        return EXIT_REFUSED;
      }
      throw error;
    }
  }
}
