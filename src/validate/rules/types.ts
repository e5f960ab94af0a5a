/** A broken cross-field rule: which field is wrong (a JSON pointer relative to the object) and why. */
export interface RuleViolation {
  /** e.g. `call_sid_to_coach`, or `participants/2/conference_sid` */
  readonly field: string;
  /** one sentence for people */
  readonly message: string;
}

/**
 * A cross-field rule of the strict profile. It reads an object whose shape may be wrong and never
 * throws: fields that are missing or of the wrong type are left to the schema's own keywords.
 */
export type Rule = (data: Readonly<Record<string, unknown>>) => RuleViolation[];
