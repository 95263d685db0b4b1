// Turns the sources of truth (openapi/, grammar/) into the committed modules under
// packages/core/src/generated/, the simulator's control API into packages/server/src/generated/, and the
// bundled document the mock and the runner serve (packages/{mock,conformance}/generated/). `--check` regenerates in memory and fails on drift;
// `--root DIR` reads and writes under DIR instead of this repository (tests use a copy).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs, promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import openapiTS, { astToString } from "openapi-typescript";
import peggy from "peggy";
import { parse as parseYaml } from "yaml";
import { type FastPathOutput, fastPathPlugin } from "./generate/fast-path.ts";
import {
  type OpenApiDocument,
  renderCatalogue,
  renderExamples,
  renderHeaders,
  renderRules,
  renderServers,
  renderTokens,
} from "./generate/render.ts";

// Tools (peggy) always come from this repository; --root only moves the sources and outputs.
const repository = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = promisify(execFile);

interface Paths {
  readonly root: string;
  readonly document: string;
  readonly grammar: string;
  readonly outDir: string;
  /** The bundled document, one JSON file, for the packages that read the document at run time (Prism, the runner). */
  readonly bundledDocuments: readonly string[];
  readonly simulator: string;
  readonly serverOutDir: string;
  /** The simulator's types again, for the conformance runner's client (it does not depend on the server). */
  readonly conformanceOutDir: string;
}

function pathsUnder(root: string): Paths {
  return {
    root,
    document: join(root, "openapi/webcallback.yaml"),
    grammar: join(root, "grammar/userdata.peggy"),
    outDir: join(root, "packages/core/src/generated"),
    bundledDocuments: [
      join(root, "packages/mock/generated/webcallback.bundled.json"),
      join(root, "packages/conformance/generated/webcallback.bundled.json"),
    ],
    simulator: join(root, "openapi/simulator.yaml"),
    serverOutDir: join(root, "packages/server/src/generated"),
    conformanceOutDir: join(root, "packages/conformance/src/generated"),
  };
}

function header(source: string, comment = "//"): string {
  return `${comment} generated from ${source} by scripts/generate.ts; do not edit.\n`;
}

// Peggy writes its .d.ts only from the CLI, so the grammar is compiled through it.
interface CompiledGrammar {
  readonly files: Map<string, string>;
  /** Whether `$name$` reads as one token under the grammar just compiled. */
  readonly isTokenName: (name: string) => boolean;
}

const START_RULES = ["PairList", "Value"];
const RETURN_TYPES = {
  PairList: "{ name: string; value: string }[]",
  Value: '({ type: "token"; name: string; text: string } | { type: "text"; text: string })[]',
};

// The same grammar through the fast-path plugin: a second parser that falls back to the first.
async function compileFastPath(grammarPath: string): Promise<Map<string, string>> {
  const output: FastPathOutput = {};
  const plugin = fastPathPlugin({ startRules: START_RULES, fullParser: "./userdata-parser.js", returnTypes: RETURN_TYPES }, output);
  peggy.generate(await readFile(grammarPath, "utf8"), {
    allowedStartRules: START_RULES,
    output: "ast",
    grammarSource: grammarPath,
    plugins: [plugin as unknown as peggy.Plugin],
  });
  if (output.js === undefined || output.dts === undefined) throw new Error("fast path: the plugin's pass did not run");
  return new Map([
    ["userdata-fast.js", output.js],
    ["userdata-fast.d.ts", output.dts],
  ]);
}

async function compileGrammar(grammarPath: string): Promise<CompiledGrammar> {
  const dir = await mkdtemp(join(tmpdir(), "webcallback-peggy-"));
  try {
    const out = join(dir, "userdata-parser.js");
    await run(process.execPath, [
      join(repository, "node_modules/peggy/bin/peggy.js"),
      "--format=es",
      `--allowed-start-rules=${START_RULES.join(",")}`,
      "--dts",
      `--return-types=${JSON.stringify(RETURN_TYPES)}`,
      "--output",
      out,
      grammarPath,
    ]);
    const parser = (await import(pathToFileURL(out).href)) as {
      parse: (input: string, options: { startRule: "Value" }) => { type: string; name?: string }[];
    };
    const isTokenName = (name: string) => {
      const parts = parser.parse(`$${name}$`, { startRule: "Value" });
      return parts.length === 1 && parts[0]?.type === "token" && parts[0].name === name;
    };
    const files = new Map([
      ["userdata-parser.js", await readFile(out, "utf8")],
      ["userdata-parser.d.ts", await readFile(join(dir, "userdata-parser.d.ts"), "utf8")],
    ]);
    return { files, isTokenName };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function generateAll(paths: Paths): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const text = await readFile(paths.document, "utf8");
  // swagger-parser mutates what it is given, so it gets its own copy.
  await SwaggerParser.validate(parseYaml(text));
  const bundled = (await SwaggerParser.bundle(parseYaml(text))) as unknown as OpenApiDocument;

  const ast = await openapiTS(structuredClone(bundled) as never, { exportType: true, alphabetize: false });
  files.set("openapi.ts", `${header("openapi/webcallback.yaml")}\n${astToString(ast)}`);
  files.set("catalogue.ts", `${header("openapi/webcallback.yaml")}\n${renderCatalogue(bundled)}`);
  files.set("rules.ts", `${header("openapi/webcallback.yaml")}\n${renderRules(bundled)}`);
  files.set("headers.ts", `${header("openapi/webcallback.yaml")}\n${renderHeaders(bundled)}`);
  files.set("servers.ts", `${header("openapi/webcallback.yaml")}\n${renderServers(bundled)}`);
  files.set("examples.ts", `${header("openapi/webcallback.yaml")}\n${renderExamples(bundled)}`);
  const grammar = await compileGrammar(paths.grammar);
  files.set("tokens.ts", `${header("openapi/webcallback.yaml")}\n${renderTokens(bundled, grammar.isTokenName)}`);

  for (const [name, content] of [...grammar.files, ...(await compileFastPath(paths.grammar))]) {
    files.set(name, `${header("grammar/userdata.peggy")}${content}`);
  }
  const keyed = new Map([...files].map(([name, content]) => [join(paths.outDir, name), content]));
  // JSON has no comments: the header travels as an extension field the tools ignore.
  const served = { "x-generated": header("openapi/webcallback.yaml", "").trim(), ...bundled };
  for (const target of paths.bundledDocuments) keyed.set(target, `${JSON.stringify(served, null, 2)}\n`);
  const simulator = await generateSimulator(paths.simulator);
  for (const [name, content] of simulator) keyed.set(join(paths.serverOutDir, name), content);
  keyed.set(join(paths.conformanceOutDir, "simulator.ts"), simulator.get("simulator.ts") as string);
  return keyed;
}

/** The simulator's types, and its schemas as data for the server's request validation (Ajv). */
async function generateSimulator(document: string): Promise<Map<string, string>> {
  const text = await readFile(document, "utf8");
  await SwaggerParser.validate(parseYaml(text));
  const bundled = (await SwaggerParser.bundle(parseYaml(text))) as unknown as { components: { schemas: Record<string, unknown> } };
  const ast = await openapiTS(structuredClone(bundled) as never, { exportType: true, alphabetize: false });
  const source = "openapi/simulator.yaml";
  const schemas =
    "/** The document's component schemas (JSON Schema 2020-12); `$ref`s point at `#/components/schemas/…`. */\n" +
    `export const SIMULATOR_SCHEMAS = ${JSON.stringify(bundled.components.schemas, null, 2)} as const;\n`;
  return new Map([
    ["simulator.ts", `${header(source)}\n${astToString(ast)}`],
    ["simulator-schemas.ts", `${header(source)}\n${schemas}`],
  ]);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { check: { type: "boolean", default: false }, root: { type: "string", default: repository } },
    strict: true,
  });
  const check = values.check;
  const paths = pathsUnder(resolve(values.root));
  const { root } = paths;
  const files = await generateAll(paths);
  const drift: string[] = [];
  for (const [target, content] of files) {
    const current = await readFile(target, "utf8").catch(() => undefined);
    if (current === content) continue;
    if (check) {
      drift.push(relative(root, target));
    } else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
      console.log(`wrote ${relative(root, target)}`);
    }
  }
  if (drift.length > 0) {
    for (const file of drift) console.error(`generate:check: ${file} differs from its source; run npm run generate`);
    return 1;
  }
  if (check) console.log(`generate:check: ${files.size} generated files match their sources`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
