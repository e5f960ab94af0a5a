import type { Faker } from "@faker-js/faker";
import { TestkitError } from "../errors.js";
import { formatIssues } from "../validate/issues.js";
import type { ResourceKind } from "../validate/resources.js";
import { validateResource, type ValidationResult } from "../validate/validate.js";
import { seededFaker } from "./_draw.js";
import { invalidCase, type InvalidRuleName } from "./invalid/catalogue.js";
import type { InvalidCase } from "./invalid/types.js";

/** A named variant of a factory's output: fields to set, drawn from the factory's seeded faker. */
export type Trait<T> = (faker: Faker) => Partial<T>;

/** What a factory definition gives its generator. */
export interface GenerateInput<T, P> {
  /** The factory's seeded faker: draw every random value from it, so builds are reproducible */
  readonly faker: Faker;
  /** Fields fixed by traits, `with()` and `build()` overrides, merged in that order; the generator derives the rest from them */
  readonly fixed: Partial<T>;
  /** Factory-specific parameters, such as the request a list page answers */
  readonly params: P;
}

/**
 * How to build one kind of resource.
 *
 * @typeParam R - names of the rules `invalid()` can break (the resources' `InvalidRuleName` unless `invalidCase` says otherwise)
 */
export interface FactoryDefinition<T, P extends object, N extends string, R extends string = InvalidRuleName> {
  /** The kind, named in error messages: a resource kind, whose strict schema every build must pass, unless `validate` is given */
  readonly kind: ResourceKind | (string & {});
  /** The strict check of a build, for kinds that are not resource kinds (status callbacks); default: `validateResource(kind, built, { profile: "strict" })` */
  readonly validate?: (built: T) => ValidationResult<unknown>;
  /** How `invalid(rule)` breaks a build, for kinds that are not resource kinds; default: the resource catalogue `INVALID_RULES` */
  readonly invalidCase?: (rule: R) => InvalidCase<T>;
  /** Builds a complete object; fields in `fixed` are taken as given and derived fields follow them */
  readonly generate: (input: GenerateInput<T, P>) => T;
  /** Named variants, e.g. `muted` */
  readonly traits: Readonly<Record<N, Trait<T>>>;
  /** Default parameters */
  readonly params: P;
  /**
   * Whether `generate` alone (a seed, at most one trait) always yields a valid object, so that such
   * builds may skip the strict check. Only for definitions whose every kind and trait a property test
   * proves (the kit's own, in test/property); default false: every build is checked.
   */
  readonly validByConstruction?: boolean;
}

interface FactoryState<T, P extends object, N extends string> {
  readonly seed: number | undefined;
  readonly traits: readonly N[];
  readonly fixed: Partial<T>;
  readonly params: P;
}

/**
 * An immutable builder of always-valid Twilio resources. Modifiers (`seed`, `traits`, `with`,
 * `withParams`) return a new factory; `build` draws from the factory's own faker, so the n-th build of
 * a factory with a given seed is the same on every run.
 *
 * Every build is valid under the strict profile: a build that takes the caller's fields, parameters
 * or several traits is checked, and an override that breaks the schema or a cross-field rule throws
 * `TestkitError` (`INVALID_OVERRIDE`) naming the field and the rule. Plain builds (a seed, at most one
 * trait) are checked too, unless the definition is valid by construction, as the kit's own are
 * ({@link FactoryDefinition.validByConstruction}; test/property checks 10,000 seeds of each).
 * `invalid(rule)` is the one way to get an object that breaks a rule: exactly one, by name.
 *
 * @typeParam T - the built type
 * @typeParam P - factory parameters
 * @typeParam N - trait names
 * @typeParam R - names of the rules `invalid()` can break
 */
export class Factory<
  T,
  P extends object = Record<never, never>,
  N extends string = string,
  R extends string = InvalidRuleName,
> {
  #faker: Faker | undefined;

  /**
   * @param definition - how to build
   * @param state - seed, traits, fixed fields and parameters (defaults: none, none, none, the definition's)
   */
  constructor(
    protected readonly definition: FactoryDefinition<T, P, N, R>,
    protected readonly state: FactoryState<T, P, N> = {
      seed: undefined,
      traits: [],
      fixed: {},
      params: definition.params,
    },
  ) {}

  /** Names of this factory's traits. */
  get traitNames(): readonly N[] {
    return Object.keys(this.definition.traits) as N[];
  }

  /**
   * A factory whose builds are reproducible: the same seed gives the same sequence of objects.
   *
   * @param seed - any safe integer
   * @throws TestkitError `INVALID_OVERRIDE` when the seed is not a safe integer
   */
  seed(seed: number): this {
    if (!Number.isSafeInteger(seed))
      throw new TestkitError(
        "INVALID_OVERRIDE",
        `Failed to seed ${this.definition.kind} factory: ${seed} is not an integer`,
      );
    return this.next({ seed });
  }

  /**
   * A factory that applies the named traits, in order, before overrides.
   *
   * @throws TestkitError `INVALID_OVERRIDE` for a trait the factory does not have, listing those it has
   */
  traits(...names: N[]): this {
    for (const name of names) {
      if (!Object.hasOwn(this.definition.traits, name))
        throw new TestkitError(
          "INVALID_OVERRIDE",
          `Failed to apply trait "${name}" to ${this.definition.kind}: traits are ${this.traitNames.join(", ")}`,
        );
    }
    return this.next({ traits: [...this.state.traits, ...names] });
  }

  /** A factory whose every build has these fields (before per-build overrides). */
  with(fixed: Partial<T>): this {
    return this.next({ fixed: { ...this.state.fixed, ...fixed } });
  }

  /** A factory with other parameters (merged into the current ones). */
  withParams(params: Partial<P>): this {
    return this.next({ params: { ...this.state.params, ...params } });
  }

  /**
   * Builds one object.
   *
   * @param overrides - fields to set; derived fields (URIs, page arithmetic) follow them
   * @throws TestkitError `INVALID_OVERRIDE` naming each field and rule the result breaks
   */
  build(overrides: Partial<T> = {}): T {
    return this.make(overrides, this.state.params);
  }

  /**
   * Builds an object that breaks exactly one named rule, for testing defensive parsing: a valid
   * object (traits, `with()` fields, `overrides`, then the fields the rule needs, which win) with
   * one thing broken. It draws from the factory's faker as `build` does, so it is reproducible under
   * a seed.
   *
   * @param rule - a rule that applies to this kind: for resources, of `INVALID_RULES` (`invalidRulesFor(kind)` lists them); for callbacks, of `CALLBACK_INVALID_RULES`
   * @param overrides - fields of the valid object before the rule breaks it; they must keep it valid
   * @returns a plain object that the validator rejects with the rule's one issue and nothing else
   * @throws TestkitError `USAGE` for a rule that is unknown or does not apply to this kind, listing those that do
   * @throws TestkitError `INVALID_OVERRIDE` when `overrides` break the object before the rule does
   * @example
   * ```ts
   * participantFactory.seed(1).invalid("sid-prefix"); // call_sid "CF…": validateResource reports /call_sid [pattern]
   * ```
   * @see README "Invalid fixtures"
   */
  invalid(rule: R, overrides: Partial<T> = {}): Record<string, unknown> {
    const { invalidCase: own, kind } = this.definition;
    const broken = own ? own(rule) : (invalidCase(kind as ResourceKind, rule) as unknown as InvalidCase<T>);
    return broken.mutate(this.make({ ...overrides, ...broken.base }, { ...this.state.params, ...broken.params }));
  }

  /**
   * Builds `count` objects, each with the same overrides.
   *
   * @param count - 0 or more, a safe integer
   * @throws TestkitError `INVALID_OVERRIDE` for a bad count or an override that breaks the schema
   */
  buildList(count: number, overrides: Partial<T> = {}): T[] {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new TestkitError(
        "INVALID_OVERRIDE",
        `Failed to build ${this.definition.kind} list: count ${count} is not a whole number ≥ 0`,
      );
    return Array.from({ length: count }, () => this.build(overrides));
  }

  /** Builds one valid object from the next draws of the factory's faker, with these overrides and parameters. */
  private make(overrides: Partial<T>, params: P): T {
    const faker = this.faker();
    const fromTraits = this.state.traits.reduce<Partial<T>>(
      (acc, name) => ({ ...acc, ...this.definition.traits[name](faker) }),
      {},
    );
    const fixed = { ...fromTraits, ...this.state.fixed, ...overrides };
    const built = { ...this.definition.generate({ faker, fixed, params }), ...fixed } as T;
    if (!this.mustCheck(overrides, params)) return built;
    const { validate, kind } = this.definition;
    const result = validate ? validate(built) : validateResource(kind as ResourceKind, built, { profile: "strict" });
    if (!result.ok)
      throw new TestkitError(
        "INVALID_OVERRIDE",
        `Failed to build ${this.definition.kind}: ${formatIssues(result.issues)}`,
      );
    return built;
  }

  /**
   * Whether a build must be checked: always, unless the definition is valid by construction and the
   * build takes nothing from the caller: no fields (`with`, `forConference`, overrides), no parameters
   * (`withParams`, `answering`, `ofTotal`), no combination of traits.
   */
  private mustCheck(overrides: Partial<T>, params: P): boolean {
    const { traits, fixed } = this.state;
    if (this.definition.validByConstruction !== true) return true;
    return (
      traits.length > 1 ||
      params !== this.definition.params ||
      Object.keys(fixed).length > 0 ||
      Object.keys(overrides).length > 0
    );
  }

  private faker(): Faker {
    this.#faker ??= seededFaker(this.state.seed ?? Math.floor(Math.random() * 2 ** 31));
    return this.#faker;
  }

  private next(change: Partial<FactoryState<T, P, N>>): this {
    const Ctor = this.constructor as new (d: FactoryDefinition<T, P, N, R>, s: FactoryState<T, P, N>) => this;
    return new Ctor(this.definition, { ...this.state, ...change });
  }
}

/**
 * One trait per enum value, each setting fields from that value, e.g. a `completed` trait per status.
 *
 * @param values - enum values, which become the trait names
 * @param fields - the fields a value's trait sets
 */
export function traitPerValue<V extends string, T>(
  values: readonly V[],
  fields: (value: V) => Partial<T>,
): Record<V, Trait<T>> {
  const traits = {} as Record<V, Trait<T>>;
  for (const value of values) traits[value] = () => fields(value);
  return traits;
}
