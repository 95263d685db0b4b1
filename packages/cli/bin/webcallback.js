#!/usr/bin/env node
// The `webcallback` command: the only place that ends the process.
import { WebcallbackCli } from "../dist/index.js";

const code = await new WebcallbackCli().run(process.argv.slice(2));
process.exit(code);
