export { type CliIo, DEFAULT_DB, EXIT_FAILED, EXIT_OK, EXIT_REFUSED, type SignalSource, WebcallbackCli } from "./cli.js";
