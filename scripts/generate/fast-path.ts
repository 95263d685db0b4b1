// A Peggy plugin: a compiler pass that reads the checked grammar AST and writes a second parser
// for the same grammar, one that only answers "this value" or "no match". It tests characters by
// char code, skips whole runs of a class in one loop (indexOf for a one-character negated class),
// builds no value nobody reads, and tracks no expectations. Where it finds no match, the caller
// falls back to Peggy's own parser, which then reports the offset and the expectations.
//
// Limits (each refused with a GrammarError-like message, never compiled wrongly): no semantic
// predicates, no bounded repetition, no imports, no initializers, no case-insensitive or unicode
// classes, and actions may not call location(), expected() or error() or read options. Actions
// must be free of side effects: a rule whose value is not needed runs none of its actions.

export interface FastPathOptions {
  /** Start rules, as given to Peggy. */
  readonly startRules: readonly string[];
  /** Module (relative import) of Peggy's full parser, which the fast one falls back to. */
  readonly fullParser: string;
  /** TypeScript return type of each start rule, for the .d.ts. */
  readonly returnTypes: Readonly<Record<string, string>>;
}

export interface FastPathOutput {
  js?: string;
  dts?: string;
}

// The subset of Peggy's AST this pass reads.
interface Node {
  readonly type: string;
  readonly expression?: Node;
  readonly alternatives?: readonly Node[];
  readonly elements?: readonly Node[];
  readonly label?: string | null;
  readonly pick?: boolean;
  readonly code?: string;
  readonly value?: string;
  readonly ignoreCase?: boolean;
  readonly unicode?: boolean;
  readonly inverted?: boolean;
  readonly parts?: readonly (string | readonly [string, string])[];
  readonly name?: string;
  readonly match?: number;
}

interface Grammar {
  readonly rules: readonly (Node & { readonly name: string; readonly expression: Node })[];
  readonly imports?: readonly unknown[];
  readonly initializer?: unknown;
  readonly topLevelInitializer?: unknown;
}

/** Peggy's inference: 1 always matches, -1 never, 0 sometimes. */
const ALWAYS = 1;

class Unsupported extends Error {
  override readonly name = "FastPathUnsupported";
}

const isIdentifier = (name: string): boolean => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);

/** One comparison per part of a class, on the char code held in `c`. */
function classTest(node: Node): string {
  if (node.ignoreCase) throw new Unsupported("a case-insensitive class ([...]i)");
  if (node.unicode) throw new Unsupported("a unicode class ([...]u)");
  const tests = (node.parts ?? []).map((part) => {
    if (typeof part === "string") {
      if (part.length !== 1) throw new Unsupported(`a class part ${JSON.stringify(part)}`);
      return `c === ${part.charCodeAt(0)}`;
    }
    if (Array.isArray(part) && part.length === 2 && part[0].length === 1 && part[1].length === 1) {
      return `(c >= ${part[0].charCodeAt(0)} && c <= ${part[1].charCodeAt(0)})`;
    }
    throw new Unsupported(`a class part ${JSON.stringify(part)}`);
  });
  const any = tests.length === 0 ? "false" : tests.join(" || ");
  return node.inverted ? `!(${any})` : any;
}

/** The one code unit a negated class excludes, when that is all it excludes. */
function singleExcluded(node: Node): string | undefined {
  const parts = node.parts ?? [];
  const only = parts[0];
  return node.inverted && parts.length === 1 && typeof only === "string" && only.length === 1 ? only : undefined;
}

interface Action {
  readonly params: readonly string[];
  readonly code: string;
}

class RuleWriter {
  private count = 0;
  readonly vars: string[] = [];

  constructor(
    private readonly actions: Action[],
    private readonly needRule: (name: string, need: boolean) => string,
  ) {}

  temp(prefix = "v"): string {
    const name = `${prefix}${this.count++}`;
    this.vars.push(name);
    return name;
  }

  private action(code: string, env: ReadonlyMap<string, string>): string {
    if (/\b(location|expected|error|options)\b/.test(code)) {
      throw new Unsupported("an action that calls location(), expected() or error() or reads options");
    }
    const index = this.actions.length;
    this.actions.push({ params: [...env.keys()], code });
    return `a${index}(${[...env.values()].join(", ")})`;
  }

  /**
   * Code that leaves in `out` the node's value (or, when `need` is false, any value that is
   * not FAILED) and FAILED when the node does not match, with `pos` back where it started.
   */
  gen(node: Node, out: string, need: boolean, env: Map<string, string>): string {
    switch (node.type) {
      case "named":
      case "group":
        return this.gen(child(node), out, need, node.type === "group" ? new Map(env) : env);
      case "rule_ref":
        return `${out} = ${this.needRule(node.name ?? "", need)}();\n`;
      case "literal":
        return this.literal(node, out, need);
      case "class": {
        const value = need ? "input.charAt(pos)" : "true";
        return `if (pos < len && (c = input.charCodeAt(pos), ${classTest(node)})) { ${out} = ${value}; pos++; } else ${out} = FAILED;\n`;
      }
      case "any":
        return `if (pos < len) { ${out} = ${need ? "input.charAt(pos)" : "true"}; pos++; } else ${out} = FAILED;\n`;
      case "text": {
        const start = this.temp("s");
        const inner = this.temp();
        return `${start} = pos;\n${this.gen(child(node), inner, false, new Map(env))}${out} = ${inner} === FAILED ? FAILED : ${
          need ? `input.substring(${start}, pos)` : "true"
        };\n`;
      }
      case "optional":
        return `${this.gen(child(node), out, need, new Map(env))}if (${out} === FAILED) ${out} = null;\n`;
      case "zero_or_more":
      case "one_or_more":
        return this.repetition(node, out, need, new Map(env));
      case "simple_and":
      case "simple_not": {
        const start = this.temp("s");
        const inner = this.temp();
        const success =
          node.type === "simple_and" ? `${inner} === FAILED ? FAILED : undefined` : `${inner} === FAILED ? undefined : FAILED`;
        return `${start} = pos;\n${this.gen(child(node), inner, false, new Map(env))}pos = ${start};\n${out} = ${success};\n`;
      }
      case "choice": {
        let code = "";
        let closing = "";
        const alternatives = node.alternatives ?? [];
        for (const [i, alternative] of alternatives.entries()) {
          code += this.gen(alternative, out, need, new Map(env));
          // Later alternatives are tried only on failure, and never after one that always matches.
          if (alternative.match === ALWAYS || i === alternatives.length - 1) break;
          code += `if (${out} === FAILED) {\n`;
          closing += "}\n";
        }
        return code + closing;
      }
      case "action": {
        const expression = child(node);
        const scope = new Map(env);
        if (expression.type === "sequence" && (expression.elements ?? []).length > 0) {
          return this.sequence(expression, out, need, scope, node.code ?? "");
        }
        const start = this.temp("s");
        const inner = this.temp();
        // A labeled expression adds its label to `scope` while generated, so the call is built after it.
        const body = this.gen(expression, inner, expression.type === "labeled", scope);
        const call = need ? this.action(node.code ?? "", scope) : "true";
        return `${start} = pos;\n${body}if (${inner} === FAILED) ${out} = FAILED; else { savedPos = ${start}; ${out} = ${call}; }\n`;
      }
      case "sequence":
        return this.sequence(node, out, need, env, undefined);
      case "labeled": {
        // Outside a sequence a label only matters to an action right above it.
        const code = this.gen(child(node), out, true, new Map(env));
        if (node.label) env.set(node.label, out);
        return code;
      }
      default:
        throw new Unsupported(describeNode(node));
    }
  }

  private literal(node: Node, out: string, need: boolean): string {
    const text = node.value ?? "";
    const value = JSON.stringify(text);
    if (text.length === 0) return `${out} = "";\n`;
    if (node.ignoreCase) {
      const lower = JSON.stringify(text.toLowerCase());
      return `if (input.substr(pos, ${text.length}).toLowerCase() === ${lower}) { ${out} = input.substr(pos, ${text.length}); pos += ${text.length}; } else ${out} = FAILED;\n`;
    }
    // Code units, not code points: the input is compared one UTF-16 unit at a time.
    const units = Array.from(
      { length: text.length },
      (_, i) => `input.charCodeAt(pos${i === 0 ? "" : ` + ${i}`}) === ${text.charCodeAt(i)}`,
    );
    const check = text.length <= 4 ? units.join(" && ") : `input.startsWith(${value}, pos)`;
    return `if (${check}) { ${out} = ${need ? value : "true"}; pos += ${text.length}; } else ${out} = FAILED;\n`;
  }

  private repetition(node: Node, out: string, need: boolean, env: Map<string, string>): string {
    const expression = child(node);
    const atLeastOne = node.type === "one_or_more";
    if (!need && expression.type === "class") {
      // A whole run of the class at once.
      const start = this.temp("s");
      const excluded = singleExcluded(expression);
      const run =
        excluded !== undefined
          ? `pos = input.indexOf(${JSON.stringify(excluded)}, pos);\nif (pos < 0) pos = len;\n`
          : // Locals in the loop: the module's own variables live in a context V8 reads and writes each time.
            `{\nconst t = input, l = len;\nlet p = pos;\nwhile (p < l && (c = t.charCodeAt(p), ${classTest(expression)})) p++;\npos = p;\n}\n`;
      return `${start} = pos;\n${run}${out} = ${atLeastOne ? `pos === ${start} ? FAILED : true` : "true"};\n`;
    }
    const item = this.temp();
    const body = this.gen(expression, item, need, env);
    const push = need ? `${out}.push(${item});\n` : "";
    const loop = `for (;;) {\n${body}if (${item} === FAILED) break;\n${push}}\n`;
    if (!atLeastOne) return `${out} = ${need ? "[]" : "true"};\n${loop}`;
    return `${body}if (${item} === FAILED) ${out} = FAILED; else {\n${out} = ${need ? `[${item}]` : "true"};\n${loop}}\n`;
  }

  private sequence(node: Node, out: string, need: boolean, env: Map<string, string>, action: string | undefined): string {
    const elements = node.elements ?? [];
    const picks = elements.filter((element) => element.type === "labeled" && element.pick);
    const block = this.temp("seq");
    this.vars.pop();
    const start = this.temp("s");
    const values: string[] = [];
    const picked: string[] = [];
    let code = `${block}: {\n${start} = pos;\n`;
    elements.forEach((element, i) => {
      const value = this.temp();
      const labeled = element.type === "labeled";
      const wanted = labeled || (need && action === undefined && picks.length === 0);
      // A label is visible to every later element, so it joins `env` itself, not a copy.
      code += labeled ? this.labeledElement(element, value, env) : this.gen(element, value, wanted, new Map(env));
      if (element.match !== ALWAYS) {
        code += `if (${value} === FAILED) { ${i === 0 ? "" : `pos = ${start}; `}${out} = FAILED; break ${block}; }\n`;
      }
      values.push(value);
      if (labeled && element.pick) picked.push(value);
    });
    if (!need) code += `${out} = true;\n`;
    else if (action !== undefined) code += `savedPos = ${start};\n${out} = ${this.action(action, env)};\n`;
    else if (picked.length === 1) code += `${out} = ${picked[0]};\n`;
    else if (picked.length > 1) code += `${out} = [${picked.join(", ")}];\n`;
    else code += `${out} = [${values.join(", ")}];\n`;
    return `${code}}\n`;
  }

  private labeledElement(node: Node, value: string, env: Map<string, string>): string {
    const code = this.gen(child(node), value, true, new Map(env));
    if (node.label) env.set(node.label, value);
    return code;
  }
}

function child(node: Node): Node {
  if (node.expression === undefined) throw new Unsupported(`a ${node.type} without an expression`);
  return node.expression;
}

function describeNode(node: Node): string {
  const names: Record<string, string> = {
    semantic_and: "a semantic predicate &{...}",
    semantic_not: "a semantic predicate !{...}",
    repeated: "a bounded repetition |n..m|",
    library_ref: "an imported rule",
  };
  return names[node.type] ?? `a ${node.type} node`;
}

/** The fast parser's module text for a grammar AST after Peggy's checks and transforms. */
export function renderFastPath(grammar: Grammar, options: FastPathOptions): { js: string; dts: string } {
  if ((grammar.imports ?? []).length > 0) throw new Error("fast path: the grammar uses imports, which it does not support");
  if (grammar.initializer || grammar.topLevelInitializer) {
    throw new Error("fast path: the grammar uses an initializer, which it does not support");
  }
  const rules = new Map(grammar.rules.map((rule) => [rule.name, rule]));
  const actions: Action[] = [];
  const functions: string[] = [];
  const done = new Set<string>();
  const queue: { name: string; need: boolean }[] = [];
  const functionName = (name: string, need: boolean) => `${need ? "r" : "m"}_${name}`;
  const needRule = (name: string, need: boolean): string => {
    if (!rules.has(name) || !isIdentifier(name)) throw new Unsupported(`a reference to rule ${JSON.stringify(name)}`);
    const key = functionName(name, need);
    if (!done.has(key)) {
      done.add(key);
      queue.push({ name, need });
    }
    return key;
  };
  for (const start of options.startRules) needRule(start, true);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const rule = rules.get(next.name);
    if (rule === undefined) continue;
    const writer = new RuleWriter(actions, needRule);
    const out = writer.temp();
    let body: string;
    try {
      body = writer.gen(rule.expression, out, next.need, new Map());
    } catch (error) {
      if (error instanceof Unsupported) throw new Error(`fast path: rule ${next.name} uses ${error.message}, which it does not support`);
      throw error;
    }
    functions.push(`function ${functionName(next.name, next.need)}() {\nlet c, ${writer.vars.join(", ")};\n${body}return ${out};\n}\n`);
  }
  const actionCode = actions.map((action, i) => `function a${i}(${action.params.join(", ")}) {${action.code}}\n`).join("");
  const starts = options.startRules.map((name) => `  ${JSON.stringify(name)}: ${functionName(name, true)},\n`).join("");
  const defaultStart = JSON.stringify(options.startRules[0]);
  const js = `// Fast path for the common case: a match gives the same value as the full parser; anything
// else falls back to it, so errors keep Peggy's offsets and expectations.
import { parse as parseFull } from ${JSON.stringify(options.fullParser)};

export { StartRules, SyntaxError } from ${JSON.stringify(options.fullParser)};

const FAILED = Symbol("no match");
export const NO_MATCH = FAILED;

// Parser state lives in the module: one parse at a time, and actions never parse.
let input = "";
let len = 0;
let pos = 0;
let savedPos = 0;

function text() {
  return input.substring(savedPos, pos);
}

function offset() {
  return savedPos;
}

function range() {
  return { source: undefined, start: savedPos, end: pos };
}

${actionCode}
${functions.join("\n")}
const START = {
${starts}};

export function parseFast(source, startRule = ${defaultStart}) {
  const rule = Object.hasOwn(START, startRule) ? START[startRule] : undefined;
  if (rule === undefined) return FAILED;
  input = source;
  len = source.length;
  pos = 0;
  savedPos = 0;
  let result = rule();
  if (pos !== len) result = FAILED;
  input = "";
  return result;
}

export function parse(source, options) {
  let startRule = ${defaultStart};
  if (options !== undefined) {
    for (const key in options) if (key !== "startRule") return parseFull(source, options);
    if (options.startRule !== undefined) startRule = options.startRule;
  }
  const result = typeof source === "string" ? parseFast(source, startRule) : FAILED;
  return result === FAILED ? parseFull(source, options) : result;
}

// Keep tree-shakers and linters from flagging the helpers an action may not use.
void text, void offset, void range;
`;
  const overloads = options.startRules
    .map((name) => {
      const type = options.returnTypes[name] ?? "unknown";
      return `export declare function parseFast(input: string, startRule: ${JSON.stringify(name)}): ${type} | typeof NO_MATCH;\n`;
    })
    .join("");
  const dts = `import type { parse as parseFull } from ${JSON.stringify(options.fullParser)};

export { StartRules, SyntaxError } from ${JSON.stringify(options.fullParser)};

/** What parseFast answers where the input does not match; then the full parser has the error. */
export declare const NO_MATCH: unique symbol;

/** The start rule's value, or NO_MATCH; never throws on input, reports no error. */
${overloads}
/** Same answers and errors as the full parser's parse, faster where the input matches. */
export declare const parse: typeof parseFull;
`;
  return { js, dts };
}

interface PeggyConfig {
  passes: { generate: ((ast: Grammar) => void)[] };
}

/** The plugin: `peggy.generate(text, { plugins: [fastPathPlugin(options, output)] })` fills `output`. */
export function fastPathPlugin(options: FastPathOptions, output: FastPathOutput): { use(config: PeggyConfig): void } {
  return {
    use(config) {
      config.passes.generate.push((ast) => {
        const { js, dts } = renderFastPath(ast, options);
        output.js = js;
        output.dts = dts;
      });
    },
  };
}
