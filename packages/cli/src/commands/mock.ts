// `webcallback mock`: the Prism mock of the document, answering like the service wherever no
// state is needed. Runs until SIGTERM or SIGINT.
import { parseArgs } from "node:util";
import { ENDPOINT_PATH } from "@webcallback/core";
import { DEFAULT_MOCK_HOST, DEFAULT_MOCK_PORT } from "@webcallback/mock";
import { type CommandIo, nextSignal, parsePort, UsageProblem } from "./command-io.js";

export const MOCK_HELP = `Usage: webcallback mock [--port N] [--host H] [--verbose] [--upstream URL]

Serves the Prism mock of the OpenAPI document (GET and POST ${ENDPOINT_PATH}) for partners to
develop against: no state, nothing is stored, nobody is called. The service's stateless checks
run first, so a request gets the ctl_error the service would give and a redirect to an allowed
\`back\`; every other answer is the document's example. Pick a named example with a header,
e.g. \`Prefer: example=whenAgentAvailable\` (or \`code=409, example=error8\`).

Options:
  --host H       Address to listen on (default ${DEFAULT_MOCK_HOST}).
  --port N       Port (default ${DEFAULT_MOCK_PORT}; 0 picks a free one).
  --verbose      Print Prism's log lines (quiet by default).
  --upstream URL Instead of mocking, run Prism's validation proxy in front of the deployment at URL:
                 every answer passes through, with an sl-violations header where the request or
                 the answer breaks the document (redirects are handed back, not followed).
  -h, --help     Show this help.
`;

export async function mockCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let values: { host?: string; port?: string; verbose?: boolean; upstream?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        host: { type: "string" },
        port: { type: "string" },
        verbose: { type: "boolean" },
        upstream: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return io.usage((error as Error).message, MOCK_HELP);
  }
  if (values.help === true) {
    io.stdout.write(MOCK_HELP);
    return 0;
  }
  let port: number;
  try {
    port = parsePort(values.port, DEFAULT_MOCK_PORT);
  } catch (error) {
    if (error instanceof UsageProblem) return io.usage(error.message, MOCK_HELP);
    throw error;
  }
  const { startMock, startValidationProxy } = await import("@webcallback/mock");
  if (values.upstream !== undefined) {
    if (!/^https?:\/\/[^/?#]+\/?$/i.test(values.upstream))
      return io.usage(`--upstream must be an http(s) origin, got ${JSON.stringify(values.upstream)}`, MOCK_HELP);
    let proxy: Awaited<ReturnType<typeof startValidationProxy>>;
    try {
      proxy = await startValidationProxy({ upstream: values.upstream, host: values.host ?? DEFAULT_MOCK_HOST, port });
    } catch (error) {
      io.stderr.write(`webcallback: cannot start the validation proxy: ${(error as Error).message}\n`);
      return 1;
    }
    io.stdout.write(`validation proxy listening on ${proxy.url}, in front of ${values.upstream}\n`);
    await nextSignal(io.signals);
    await proxy.close();
    return 0;
  }
  let mock: Awaited<ReturnType<typeof startMock>>;
  try {
    mock = await startMock({ host: values.host ?? DEFAULT_MOCK_HOST, port, ...(values.verbose === true ? { log: io.stderr } : {}) });
  } catch (error) {
    io.stderr.write(`webcallback: cannot start the mock: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout.write(`mock listening on ${mock.url}${ENDPOINT_PATH}\n`);
  await mock.ready.then(
    () => undefined,
    (error: Error) => io.stderr.write(`webcallback: Prism failed to load: ${error.message}\n`),
  );
  await nextSignal(io.signals);
  await mock.close();
  return 0;
}
