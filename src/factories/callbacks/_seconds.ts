// internal: one rounding of a span of time into the whole seconds Twilio's callbacks carry.

/**
 * The whole seconds from `startMs` to `endMs` (epoch milliseconds), rounded to the nearest, never
 * below 0: a call's `CallDuration` and a recording's `RecordingDuration`.
 */
export const wholeSecondsBetween = (startMs: number, endMs: number): number =>
  Math.max(0, Math.round((endMs - startMs) / 1000));
