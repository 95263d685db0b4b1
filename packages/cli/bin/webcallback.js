#!/usr/bin/env node
// The `webcallback` command: the only place that ends the process.
import { WebcallbackCli } from "../dist/index.js";

const code = await new WebcallbackCli().run(process.argv.slice(2));
// Writes to a pipe are asynchronous: exit once stdout and stderr have handed everything over.
const flushed = (stream) => new Promise((resolve) => (stream.writableLength === 0 ? resolve() : stream.write("", resolve)));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
