// Request validation for the simulator's control API, compiled from the schemas generated
// out of openapi/simulator.yaml (never a hand copy).
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { SIMULATOR_SCHEMAS } from "../generated/simulator-schemas.js";

const DOCUMENT_ID = "https://webcallback.dev/openapi/simulator.json";

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The validator of `components.schemas[name]`. */
export function schemaValidator(name: keyof typeof SIMULATOR_SCHEMAS): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    if (ajv === undefined) {
      // Formats describe answers only; requests carry none, so they are not checked.
      ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
      ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: SIMULATOR_SCHEMAS } });
    }
    validate = ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`);
    if (validate === undefined) throw new Error(`openapi/simulator.yaml has no schema ${name}`);
    compiled.set(name, validate);
  }
  return validate;
}

/** The first problems, as one sentence naming where and which rule. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined, what: string): string {
  const parts = (errors ?? []).slice(0, 3).map((e) => {
    const at = e.instancePath === "" ? what : `${what}${e.instancePath.replace(/\//g, ".")}`;
    if (e.keyword === "additionalProperties")
      return `${at} has an unknown field ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)}`;
    return `${at} ${e.message ?? "is invalid"} (rule: ${e.keyword})`;
  });
  return parts.length === 0 ? `${what} is invalid` : parts.join("; ");
}
