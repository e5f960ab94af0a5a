import type { Profile, ResourceKind, ResourceTypes } from "../../validate/resources.js";

/** The one issue the validator reports for a broken fixture. */
export interface ExpectedIssue {
  /** JSON pointer of the broken field, e.g. `/call_sid` or `/participants/1/conference_sid` */
  readonly path: string;
  /** The issue's `rule`: a JSON Schema keyword (`pattern`, `format`, `enum`) or a cross-field rule's name (`coaching-has-target`) */
  readonly rule: string;
}

/**
 * How to break one rule on one resource kind: build a valid object, then change it.
 *
 * @typeParam T - the valid object's type (strict profile)
 */
export interface InvalidCase<T> {
  /** Fields the valid object is built with, so that the change breaks this rule alone; they win over the caller's overrides */
  readonly base?: Readonly<Partial<T>>;
  /** Factory parameters the valid object is built with, e.g. `{ total: 2 }` for a page of two items */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Breaks the rule: returns a new object and leaves `valid` as it was */
  readonly mutate: (valid: T) => Record<string, unknown>;
  /** What the validator reports for the result, and nothing else */
  readonly issue: ExpectedIssue;
}

/** A rule's cases, by the resource kinds it applies to. */
export type InvalidCases = { readonly [K in ResourceKind]?: InvalidCase<ResourceTypes["strict"][K]> };

/** A named way to break a Twilio object, as {@link INVALID_RULES} lists them. */
export interface InvalidRule {
  /** One line for people: what is wrong in the fixture */
  readonly summary: string;
  /** The profiles that reject the fixture: both for a schema keyword the tolerant schemas share, `strict` alone for a cross-field rule */
  readonly profiles: readonly Profile[];
  /** How to break it, per resource kind */
  readonly cases: InvalidCases;
}
