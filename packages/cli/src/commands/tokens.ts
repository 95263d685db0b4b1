// `webcallback tokens hash [TOKEN]`: the sha256:<hex> a configuration file stores.
import { parseArgs } from "node:util";
import { hashToken } from "@webcallback/server/token-hash";
import { type CliIo, type Command, EXIT_OK, EXIT_REFUSED, fail, readStdin, UsageError } from "../command.js";

const TOKENS_HELP = `Usage: webcallback tokens hash [TOKEN]

Prints sha256:<hex> for TOKEN (or for what stdin holds, surrounding white space removed).
Reading from stdin keeps the token out of the shell's history.
`;

export const tokensCommand: Command = {
  help: [["tokens hash", "Print the hash of a token, to paste into a configuration file"]],
  usage: TOKENS_HELP,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { help: { type: "boolean", short: "h" } },
    });
    if (values.help === true) {
      io.stdout.write(TOKENS_HELP);
      return EXIT_OK;
    }
    const [sub, token, ...extra] = positionals;
    if (sub !== "hash")
      throw new UsageError(sub === undefined ? "tokens needs a subcommand: hash" : `unknown tokens subcommand ${JSON.stringify(sub)}`);
    if (extra.length > 0) throw new UsageError("tokens hash takes one token");
    const text = (token ?? (await readStdin(io))).trim();
    if (text === "") return fail(io, "no token given (an argument, or on stdin)", EXIT_REFUSED);
    io.stdout.write(`${hashToken(text)}\n`);
    return EXIT_OK;
  },
};
