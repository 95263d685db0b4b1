// The bundled OpenAPI document, as `npm run generate` wrote it beside this package: the
// runner reads the raw-value patterns from it, exactly as a schema-reading tool would.
import { readFileSync } from "node:fs";

/** The bundled document this package ships. */
export const BUNDLED_DOCUMENT = new URL("../generated/webcallback.bundled.json", import.meta.url);

interface Schema {
  readonly pattern?: string;
  readonly maxLength?: number;
  readonly $ref?: string;
}

export interface DocumentView {
  /** components.schemas.<name>.pattern as a RegExp with the `u` flag (as JSON Schema reads it). */
  pattern(schema: string): RegExp;
  maxLength(schema: string): number;
  /** The schema each GET parameter refers to, by parameter name. */
  parameterSchema(name: string): string | undefined;
}

let cached: DocumentView | undefined;

export function loadDocument(): DocumentView {
  if (cached !== undefined) return cached;
  const doc = JSON.parse(readFileSync(BUNDLED_DOCUMENT, "utf8")) as {
    components: { schemas: Record<string, Schema>; parameters: Record<string, { name: string; schema?: Schema }> };
  };
  const schema = (name: string): Schema => {
    const found = doc.components.schemas[name];
    if (found === undefined) throw new Error(`the document has no schema ${name}`);
    return found;
  };
  const bySchema = new Map<string, string>();
  for (const parameter of Object.values(doc.components.parameters)) {
    const ref = parameter.schema?.$ref;
    if (ref !== undefined) bySchema.set(parameter.name, ref.slice(ref.lastIndexOf("/") + 1));
  }
  cached = {
    pattern: (name) => {
      const pattern = schema(name).pattern;
      if (pattern === undefined) throw new Error(`schema ${name} has no pattern`);
      return new RegExp(pattern, "u");
    },
    maxLength: (name) => {
      const max = schema(name).maxLength;
      if (max === undefined) throw new Error(`schema ${name} has no maxLength`);
      return max;
    },
    parameterSchema: (name) => bySchema.get(name),
  };
  return cached;
}
