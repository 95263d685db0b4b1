// `npm run generate:check` passes on the tree and names the file that drifted, run on a
// copy of the sources (--root) so the real working tree is never touched.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const repository = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const generator = join(repository, "scripts/generate.ts");
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const GENERATED = "packages/core/src/generated";
const COPIED = [
  "openapi",
  "grammar",
  GENERATED,
  "packages/server/src/generated",
  "packages/mock/generated",
  "packages/conformance/generated",
  "packages/conformance/src/generated",
];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

// execFile rejects on a non-zero exit; the test wants that exit code as data.
function check(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, generator, "--check", ...args], { cwd: tmpdir() }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe("generate:check", () => {
  let copy = "";

  beforeEach(async () => {
    copy = await mkdtemp(join(tmpdir(), "webcallback-generate-check-"));
    for (const dir of COPIED) await cp(join(repository, dir), join(copy, dir), { recursive: true });
  });

  afterEach(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  it("passes on the working tree", async () => {
    const run = await check();
    expect(run.stderr).not.toMatch(/differs/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/generate:check: \d+ generated files match their sources/);
  });

  it("passes on an unedited copy given with --root", async () => {
    const run = await check("--root", copy);
    expect(run.code).toBe(0);
  });

  it("fails, naming the file, after a one-character edit to a generated file", async () => {
    const name = `${GENERATED}/tokens.ts`;
    const target = join(copy, name);
    const original = await readFile(target, "utf8");
    const at = original.indexOf('"caller_id"') + 1;
    const edited = `${original.slice(0, at)}C${original.slice(at + 1)}`;
    expect(edited).toHaveLength(original.length);
    let differing = 0;
    for (let i = 0; i < original.length; i++) if (edited[i] !== original[i]) differing++;
    expect(differing).toBe(1);
    await writeFile(target, edited);

    const run = await check("--root", copy);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`generate:check: ${name} differs from its source`);
    // Only the edited file drifted.
    expect(run.stderr.match(/differs from its source/g)).toHaveLength(1);
    // The real file is untouched.
    expect(await readFile(join(repository, name), "utf8")).toBe(original);
  });

  it("fails, naming the file, when a generated file is missing", async () => {
    const name = `${GENERATED}/catalogue.ts`;
    await unlink(join(copy, name));
    const run = await check("--root", copy);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`generate:check: ${name} differs from its source`);
  });

  it("fails, naming the generated file, when the document changes without regenerating", async () => {
    const documentPath = join(copy, "openapi/webcallback.yaml");
    const document = await readFile(documentPath, "utf8");
    const changed = document.replace("A literal equals sign", "A literal equal sign");
    expect(changed).not.toBe(document);
    await writeFile(documentPath, changed);
    const run = await check("--root", copy);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`generate:check: ${GENERATED}/tokens.ts differs from its source`);
  });
});
