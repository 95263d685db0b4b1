// @ts-nocheck
// tsc does not carry the generated parser (plain JS with its own .d.ts) into dist,
// so the build copies both files beside the compiled core.
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const core = join(dirname(fileURLToPath(import.meta.url)), "../packages/core");
await mkdir(join(core, "dist/generated"), { recursive: true });
for (const file of ["userdata-parser.js", "userdata-parser.d.ts"]) {
  await copyFile(join(core, "src/generated", file), join(core, "dist/generated", file));
}
