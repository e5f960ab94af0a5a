import { TestkitError } from "../errors.js";
import { getAjv } from "../validate/ajv.js";
import { toIssues } from "../validate/issues.js";
import { Factory, type GenerateInput, type Trait } from "./factory.js";

/**
 * What {@link defineFactory} needs to build a resource of your own.
 *
 * @typeParam T - the built type
 * @typeParam P - parameters (transient: they shape a build but are not fields)
 * @typeParam N - trait names
 */
export interface DefineFactoryOptions<T, P extends object, N extends string> {
  /** The resource's name, e.g. `call`: in error messages, and in the key of every random stream */
  readonly name: string;
  /**
   * A JSON Schema (2020-12) every build must pass, compiled with the kit's Ajv setup: strict mode, all
   * errors, ajv-formats, the kit's formats (`date-time-rfc-2822`, …) and `$ref`s to the kit's schemas
   * (`https://twilio-testkit.dev/schemas/strict/participant.json`).
   */
  readonly schema: Readonly<Record<string, unknown>> | boolean;
  /**
   * Builds a complete object. Draw each field's random value from `draw(field)`, take the fields in
   * `fixed` as given and derive the fields that follow from them (URIs from SIDs).
   */
  readonly generate: (input: GenerateInput<T, P>) => T;
  /** Named variants, e.g. `{ busy: () => ({ status: "busy" }) }` */
  readonly traits?: Readonly<Record<N, Trait<T>>>;
  /** Default parameters */
  readonly params?: P;
}

/**
 * A factory for a resource of your own, backed by a JSON Schema, with the kit's guarantees: every
 * build passes the schema (each is checked), an override that breaks it throws `TestkitError`
 * (`INVALID_OVERRIDE`) naming the field and the rule, and each field draws from its own seeded
 * stream, so an override changes only what derives from it. Traits, `with`, `withParams`,
 * `afterBuild`, sequences and deep-merged overrides work as on the kit's factories.
 *
 * @typeParam T - the built type: give it (`defineFactory<Call>(…)`), as TypeScript cannot infer it from `generate`, which receives `fixed: DeepPartial<T>`
 * @typeParam P - the parameters' type, when there are parameters
 * @typeParam N - the trait names (default: any string, checked when a build applies them)
 * @returns a {@link Factory}
 * @throws TestkitError `USAGE` when the schema does not compile (an unknown keyword, a `$ref` to nothing, an `$id` already used)
 * @example
 * ```ts
 * interface Call { sid: string; status: "queued" | "busy" }
 * const callFactory = defineFactory<Call>({
 *   name: "call",
 *   schema: {
 *     type: "object",
 *     required: ["sid", "status"],
 *     properties: { sid: { type: "string", pattern: "^CA[0-9a-f]{32}$" }, status: { enum: ["queued", "busy"] } },
 *     additionalProperties: false,
 *   },
 *   generate: ({ draw, fixed }) => ({
 *     sid: fixed.sid ?? `CA${draw("sid").string.hexadecimal({ length: 32, casing: "lower", prefix: "" })}`,
 *     status: fixed.status ?? draw("status").helpers.arrayElement(["queued", "busy"] as const),
 *   }),
 *   traits: { busy: () => ({ status: "busy" }) },
 * });
 * callFactory.seed(1).traits("busy").build(); // { sid: "CA…", status: "busy" }
 * callFactory.build({ sid: "nope" }); // throws INVALID_OVERRIDE: /sid must match pattern … [pattern]
 * ```
 */
export function defineFactory<T, P extends object = Record<never, never>, N extends string = string>(
  options: DefineFactoryOptions<T, P, N>,
): Factory<T, P, N> {
  let validate: ReturnType<ReturnType<typeof getAjv>["compile"]>;
  try {
    validate = getAjv().compile(options.schema);
  } catch (error) {
    throw new TestkitError(
      "USAGE",
      `Failed to define factory ${options.name}: the schema does not compile: ${(error as Error).message}`,
    );
  }
  return new Factory<T, P, N>({
    name: options.name,
    validate: (value) => (validate(value) ? [] : toIssues(validate.errors ?? [])),
    generate: options.generate,
    traits: options.traits ?? ({} as Record<N, Trait<T>>),
    params: options.params ?? ({} as P),
  });
}
