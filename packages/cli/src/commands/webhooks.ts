// `webcallback webhooks verify`: checks a result POST's Webcallback-Signature the way a
// partner's receiver should, with the function @webcallback/server exports.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_TOLERANCE_SECONDS, verifySignature } from "@webcallback/server/webhooks";
import { type CliIo, type Command, EXIT_FAILED, EXIT_OK, EXIT_REFUSED, fail, readStdin, UsageError } from "../command.js";

const WEBHOOKS_HELP = `Usage: webcallback webhooks verify --signature HEADER [options] [BODY_FILE]

Checks the Webcallback-Signature header of a result POST against its raw body (BODY_FILE,
or stdin) and the tenant's webhook secret. Exits 0 when it is valid, 1 when it is not.

Options:
  --signature HEADER   The header's value: t=<unix seconds>,v1=<hex>.
  --secret SECRET      The webhook secret (default: the WEBCALLBACK_WEBHOOK_SECRET variable,
                       which keeps it out of the shell's history).
  --tolerance N        Seconds t may be from now (default ${DEFAULT_TOLERANCE_SECONDS}; 0 or less skips the check).
  --now N              Unix seconds to compare t with (default: this machine's clock).
  -h, --help           Show this help.
`;

function seconds(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?[0-9]{1,12}$/.test(value)) throw new UsageError(`${option} must be whole seconds, got ${JSON.stringify(value)}`);
  return Number(value);
}

export const webhooksCommand: Command = {
  help: [["webhooks verify", "Check the signature of a result POST"]],
  usage: WEBHOOKS_HELP,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        signature: { type: "string" },
        secret: { type: "string" },
        tolerance: { type: "string" },
        now: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help === true) {
      io.stdout.write(WEBHOOKS_HELP);
      return EXIT_OK;
    }
    const [sub, file, ...extra] = positionals;
    if (sub !== "verify")
      throw new UsageError(
        sub === undefined ? "webhooks needs a subcommand: verify" : `unknown webhooks subcommand ${JSON.stringify(sub)}`,
      );
    if (extra.length > 0) throw new UsageError("webhooks verify takes one body file");
    if (values.signature === undefined) throw new UsageError("webhooks verify needs --signature");
    const secret = values.secret ?? io.env.WEBCALLBACK_WEBHOOK_SECRET;
    if (secret === undefined || secret === "") return fail(io, "no secret given (--secret or WEBCALLBACK_WEBHOOK_SECRET)", EXIT_REFUSED);
    const tolerance = seconds(values.tolerance, "--tolerance") ?? DEFAULT_TOLERANCE_SECONDS;
    const now = seconds(values.now, "--now");
    let body: string;
    try {
      body = file === undefined ? await readStdin(io) : await readFile(resolve(io.cwd, file), "utf8");
    } catch (error) {
      return fail(io, `cannot read the body: ${(error as Error).message}`, EXIT_REFUSED);
    }
    const result = verifySignature({
      secret,
      header: values.signature,
      body,
      toleranceSeconds: tolerance <= 0 ? Number.POSITIVE_INFINITY : tolerance,
      ...(now === undefined ? {} : { nowSeconds: now }),
    });
    if (result.ok) {
      io.stdout.write(`valid: signed at ${new Date(result.timestamp * 1000).toISOString()}\n`);
      return EXIT_OK;
    }
    return fail(io, `invalid signature: ${result.reason}`, EXIT_FAILED);
  },
};
