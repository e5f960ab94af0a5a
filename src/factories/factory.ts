import { TestkitError } from "../errors.js";
import { formatIssues, type ValidationIssue } from "../validate/issues.js";
import { type Draw, drawFor } from "./_draw.js";
import { isEmpty, mergeInto } from "./_merge.js";
import type { InvalidRuleName } from "./invalid/catalogue.js";
import type { InvalidCase } from "./invalid/types.js";

export type { Draw } from "./_draw.js";

/**
 * Overrides of a `T`: any field, and any field of a nested object, may be left out. Nested objects
 * merge with the generated ones; arrays and other values replace them.
 *
 * @example `{ subresource_uris: { participants: "/2010-04-01/…/Participants.json" } }` keeps the other URIs
 */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * A named variant of a factory's output: fields to set. Draw any random value with `draw(field)`,
 * from the field's own stream, so that the trait's values are reproducible under a seed.
 *
 * @example `(draw) => ({ coaching: true, call_sid_to_coach: "CA" + draw("call_sid_to_coach").string.hexadecimal(…) })`
 */
export type Trait<T> = (draw: Draw) => DeepPartial<T>;

/** What a factory definition gives its generator. */
export interface GenerateInput<T, P> {
  /**
   * A faker for one field: `draw("label").helpers.arrayElement(…)`. Its numbers depend only on the
   * seed, the factory's name, the field's name and the build's index, so a field keeps its value
   * when other fields are overridden. Use the faker at once, for that field: the next `draw`
   * re-keys it.
   */
  readonly draw: Draw;
  /** Fields fixed by traits, `with()` and `build()` overrides, deep-merged in that order; the generator derives the rest from them */
  readonly fixed: DeepPartial<T>;
  /** Parameters (transient: they shape the build but are not fields), the definition's defaults merged with `withParams` and `build`'s */
  readonly params: P;
  /** The factory's sequence number for this build: 1, 2, 3, …, shared by every factory derived from one definition (see {@link Factory.rewindSequence}) */
  readonly sequence: number;
}

/** What an after-build hook receives besides the object. */
export interface BuildContext<P> {
  /** The build's parameters, as the generator got them */
  readonly params: P;
  /** The build's sequence number */
  readonly sequence: number;
}

/**
 * A hook run on each built object, before the strict check: it may change the object in place or
 * return a new one. The result must still be valid: the check follows the hooks.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that changes the object in place returns nothing
export type AfterBuild<T, P> = (object: T, context: BuildContext<P>) => T | undefined | void;

/** How to build one resource. */
export interface FactoryDefinition<T, P extends object, N extends string, R extends string = InvalidRuleName> {
  /** The resource's name, in error messages and in the key of every random stream (e.g. `participant`) */
  readonly name: string;
  /** Every issue that makes a built object invalid; an empty list for a valid one */
  readonly validate: (value: unknown) => readonly ValidationIssue[];
  /** Builds a complete object; fields in `fixed` are taken as given and derived fields follow them */
  readonly generate: (input: GenerateInput<T, P>) => T;
  /** Named variants, e.g. `muted` */
  readonly traits: Readonly<Record<N, Trait<T>>>;
  /** Default parameters */
  readonly params: P;
  /** How to break a named rule on this resource, for {@link Factory.invalid}; the factory has no invalid fixtures without it */
  readonly invalid?: (rule: R) => InvalidCase<T>;
  /**
   * Whether `generate` alone (a seed, at most one trait) always yields a valid object, so that such
   * builds may skip the strict check. Only for definitions whose every trait a property test proves
   * (the kit's own, in test/property); default false: every build is checked.
   */
  readonly validByConstruction?: boolean;
}

interface FactoryState<T, P extends object, N extends string> {
  readonly seed: number | undefined;
  readonly traits: readonly N[];
  readonly fixed: readonly DeepPartial<T>[];
  readonly params: P;
  readonly hooks: readonly AfterBuild<T, P>[];
  /** Shared by every factory derived from one root, as fishery's sequence is */
  readonly sequence: { value: number };
}

/** Builds items without checking them, for a factory that checks the whole they are part of (a page). */
export const UNCHECKED_LIST: unique symbol = Symbol("uncheckedList");

/**
 * An immutable builder of always-valid resources. Modifiers (`seed`, `traits`, `with`, `withParams`,
 * `afterBuild`) return a new factory.
 *
 * Randomness: each field of each build draws from its own stream, keyed by the seed, the factory's
 * name, the field's name and the build's index in this factory, so the n-th build of a factory with
 * a given seed is the same on every run, and an override changes only the fields that derive from
 * it (a `uri` built from the SIDs, the partner of a cross-field rule).
 *
 * Every build is valid: a build that takes the caller's fields, parameters, hooks or several traits
 * is checked, and an override that breaks the schema or a cross-field rule throws `TestkitError`
 * (`INVALID_OVERRIDE`) naming the field and the rule. Plain builds (a seed, at most one trait) are
 * checked too, unless the definition is valid by construction, as the kit's own are
 * ({@link FactoryDefinition.validByConstruction}; test/property checks 10,000 seeds of each).
 *
 * @typeParam T - the built type
 * @typeParam P - parameters (transient: they shape a build but are not fields)
 * @typeParam N - trait names
 * @typeParam R - names of the rules `invalid()` can break (the resources' `InvalidRuleName` by default)
 * @example
 * ```ts
 * const p = participantFactory.seed(1).traits("muted").build({ label: "customer" });
 * ```
 */
export class Factory<
  T,
  P extends object = Record<never, never>,
  N extends string = string,
  R extends string = InvalidRuleName,
> {
  #seed: number | undefined;
  #builds = 0;

  /**
   * @param definition - how to build
   * @param state - seed, traits, fixed fields, parameters, hooks and sequence (defaults: none, the definition's params, a new sequence)
   */
  constructor(
    protected readonly definition: FactoryDefinition<T, P, N, R>,
    protected readonly state: FactoryState<T, P, N> = {
      seed: undefined,
      traits: [],
      fixed: [],
      params: definition.params,
      hooks: [],
      sequence: { value: 0 },
    },
  ) {}

  /** Names of this factory's traits. */
  get traitNames(): readonly N[] {
    return Object.keys(this.definition.traits) as N[];
  }

  /**
   * A factory whose builds are reproducible: the same seed gives the same objects, build by build.
   *
   * @param seed - any safe integer
   * @throws TestkitError `INVALID_OVERRIDE` when the seed is not a safe integer
   */
  seed(seed: number): this {
    if (!Number.isSafeInteger(seed))
      throw new TestkitError(
        "INVALID_OVERRIDE",
        `Failed to seed ${this.definition.name} factory: ${seed} is not an integer`,
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
          `Failed to apply trait "${name}" to ${this.definition.name}: traits are ${this.traitNames.join(", ")}`,
        );
    }
    return this.next({ traits: [...this.state.traits, ...names] });
  }

  /** A factory whose every build has these fields (deep-merged, before per-build overrides). */
  with(fixed: DeepPartial<T>): this {
    return this.next({ fixed: [...this.state.fixed, fixed] });
  }

  /**
   * A factory with other parameters, merged into the current ones. Parameters are transient: the
   * generator (and after-build hooks) read them, the built object does not hold them.
   *
   * @example `participantPageFactory.withParams({ total: 45 })`
   */
  withParams(params: Partial<P>): this {
    return this.next({ params: { ...this.state.params, ...params } });
  }

  /**
   * A factory that runs `hook` on each built object, after the hooks already added and before the
   * strict check, so a hook cannot make an invalid object: one that breaks the schema throws
   * `INVALID_OVERRIDE` at build time.
   *
   * @example
   * ```ts
   * const labelled = participantFactory.afterBuild((p, { sequence }) => ({ ...p, label: `agent-${sequence}` }));
   * ```
   */
  afterBuild(hook: AfterBuild<T, P>): this {
    return this.next({ hooks: [...this.state.hooks, hook] });
  }

  /**
   * Starts the sequence again: the next build of this factory, or of any factory derived from the
   * same definition, gets `sequence` 1. The sequence does not feed the random streams: a seeded
   * factory's values depend on its seed and its own build count, not on the sequence.
   */
  rewindSequence(): void {
    this.state.sequence.value = 0;
  }

  /**
   * Builds one object.
   *
   * @param overrides - fields to set, deep-merged (a nested object keeps the fields it does not set); derived fields (URIs, page arithmetic) follow them
   * @param params - transient parameters for this build, merged into the factory's
   * @throws TestkitError `INVALID_OVERRIDE` naming each field and rule the result breaks
   */
  build(overrides: DeepPartial<T> = {} as DeepPartial<T>, params?: Partial<P>): T {
    return this.make(overrides, params === undefined ? this.state.params : { ...this.state.params, ...params }, true);
  }

  /**
   * Builds an object that breaks exactly one named rule, for testing defensive parsing: a valid
   * object (traits, `with()` fields, `overrides`, then the fields the rule needs, which win) with
   * one thing broken. It draws as `build` does, so it is reproducible under a seed.
   *
   * @param rule - a rule of `INVALID_RULES` that applies to this kind (`invalidRulesFor(kind)` lists them), or of
   *   `CALLBACK_INVALID_RULES` for a callback factory
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
  invalid(rule: R, overrides: DeepPartial<T> = {} as DeepPartial<T>): Record<string, unknown> {
    const { invalid, name } = this.definition;
    if (!invalid)
      throw new TestkitError("USAGE", `Failed to break ${name} with rule "${rule}": it has no invalid rules`);
    const broken = invalid(rule);
    const base = mergeInto(mergeInto({}, overrides), broken.base ?? {}) as DeepPartial<T>;
    return broken.mutate(this.make(base, { ...this.state.params, ...broken.params }, true));
  }

  /**
   * Builds `count` objects, each with the same overrides.
   *
   * @param count - 0 or more, a safe integer
   * @throws TestkitError `INVALID_OVERRIDE` for a bad count or an override that breaks the schema
   */
  buildList(count: number, overrides: DeepPartial<T> = {} as DeepPartial<T>): T[] {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new TestkitError(
        "INVALID_OVERRIDE",
        `Failed to build ${this.definition.name} list: count ${count} is not a whole number ≥ 0`,
      );
    return Array.from({ length: count }, () => this.build(overrides));
  }

  /**
   * `count` plain builds, unchecked: only for a factory whose own check covers them (a page checks
   * its items). They count on a sequence of their own, so a page does not advance the item factory's.
   */
  [UNCHECKED_LIST](count: number): T[] {
    const sequence = { value: 0 };
    return Array.from({ length: count }, () => this.make({} as DeepPartial<T>, this.state.params, false, sequence));
  }

  /**
   * Builds one object from the next build's streams, with these overrides and parameters, then runs
   * the hooks and (unless `check` is false or the build is plain) the check.
   *
   * @param counter - the sequence to advance: the factory's own, shared with those derived from its definition
   */
  private make(overrides: DeepPartial<T>, params: P, check: boolean, counter = this.state.sequence): T {
    const draw = this.nextDraw();
    const sequence = ++counter.value;
    const { traits, fixed: layers, hooks } = this.state;
    const fixed: Record<string, unknown> = {};
    for (const name of traits) mergeInto(fixed, this.definition.traits[name](draw));
    for (const layer of layers) mergeInto(fixed, layer);
    mergeInto(fixed, overrides);
    const input = { draw, fixed: fixed as DeepPartial<T>, params, sequence };
    let built = this.definition.generate(input);
    if (!isEmpty(fixed)) built = mergeInto(built as Record<string, unknown>, fixed) as T;
    for (const hook of hooks) built = hook(built, { params, sequence }) ?? built;
    if (!check || !this.mustCheck(overrides, params)) return built;
    const issues = this.definition.validate(built);
    if (issues.length > 0)
      throw new TestkitError("INVALID_OVERRIDE", `Failed to build ${this.definition.name}: ${formatIssues(issues)}`);
    return built;
  }

  /**
   * Whether a build must be checked: always, unless the definition is valid by construction and the
   * build takes nothing from the caller: no fields (`with`, `forConference`, overrides), no parameters
   * (`withParams`, `answering`, `ofTotal`), no hooks, no combination of traits.
   */
  private mustCheck(overrides: DeepPartial<T>, params: P): boolean {
    const { traits, fixed, hooks } = this.state;
    if (this.definition.validByConstruction !== true) return true;
    return (
      traits.length > 1 ||
      params !== this.definition.params ||
      fixed.length > 0 ||
      hooks.length > 0 ||
      !isEmpty(overrides)
    );
  }

  /** The next build's {@link Draw}; an unseeded factory picks a random seed on its first build. */
  private nextDraw(): Draw {
    this.#seed ??= this.state.seed ?? Math.floor(Math.random() * 2 ** 31);
    return drawFor(this.#seed, this.definition.name, this.#builds++);
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
  fields: (value: V) => DeepPartial<T>,
): Record<V, Trait<T>> {
  const traits = {} as Record<V, Trait<T>>;
  for (const value of values) traits[value] = () => fields(value);
  return traits;
}
