// `npm run docs`: the offline API reference of every openapi/*.yaml, built into
// packages/server/docs-site/ (gitignored), which the server serves at /docs.
// `--out DIR` writes elsewhere. Runs as part of `npm run build`, so a fresh clone serves it.

import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import { parse as parseYaml } from "yaml";
import { renderSite, type SiteDocument } from "./docs/render-site.ts";

const repository = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** The page every other links back to; index.html. */
const MAIN_DOCUMENT = "webcallback.yaml";
/**
 * The one address off our origin in Redoc's bundle: the Redocly logo under the side menu.
 * It becomes an empty inline image, so the page asks nothing of any other host.
 */
const REDOC_LOGO_URL = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const EMPTY_IMAGE = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";

async function redocBundle(): Promise<{ code: string; license: string; version: string }> {
  const file = require.resolve("redoc/bundles/redoc.standalone.js");
  const version = (JSON.parse(await readFile(join(dirname(file), "../package.json"), "utf8")) as { version: string }).version;
  let code = await readFile(file, "utf8");
  const uses = code.split(REDOC_LOGO_URL).length - 1;
  if (uses !== 1)
    throw new Error(`docs: expected Redoc ${version} to load ${REDOC_LOGO_URL} once, found ${uses}; check the bundle for CDN loads`);
  code = code.replace(REDOC_LOGO_URL, EMPTY_IMAGE);
  // Without the map beside it, a source-map comment would only make devtools ask for a missing file.
  code = code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  return { code, license: await readFile(`${file}.LICENSE.txt`, "utf8"), version };
}

async function documents(root: string): Promise<SiteDocument[]> {
  const dir = join(root, "openapi");
  const files = (await readdir(dir)).filter((file) => /\.ya?ml$/.test(file)).sort();
  const out: SiteDocument[] = [];
  for (const file of files) {
    const source = await readFile(join(dir, file), "utf8");
    // bundle pulls any file a $ref names into the one document; it mutates what it is given.
    const document = (await SwaggerParser.bundle(join(dir, file), parseYaml(source))) as unknown as Record<string, unknown>;
    out.push({ file, document, source });
  }
  if (out.length === 0) throw new Error(`docs: no OpenAPI document in ${dir}`);
  return out;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: "string", default: join(repository, "packages/server/docs-site") } },
    strict: true,
  });
  const out = resolve(values.out);
  const docs = await documents(repository);
  const main = docs.some((doc) => doc.file === MAIN_DOCUMENT) ? MAIN_DOCUMENT : (docs[0]?.file ?? "");
  const redoc = await redocBundle();
  const files = renderSite({
    documents: docs,
    main,
    grammar: await readFile(join(repository, "grammar/userdata.peggy"), "utf8"),
    redoc: redoc.code,
    redocLicense: redoc.license,
    redocVersion: redoc.version,
  });
  // Built beside the target and swapped in, so a running server never serves half a site.
  const staging = `${out}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const [name, content] of files) await writeFile(join(staging, name), content);
  await rm(out, { recursive: true, force: true });
  await rename(staging, out);
  console.log(`docs: ${docs.map((doc) => doc.file).join(", ")} -> ${out} (${files.size} files, Redoc ${redoc.version})`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
