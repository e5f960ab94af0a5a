// internal: edits shared by the invalid-rule families.

/** Another SID of the same kind: the last hex digit moved on by one, so it always differs. */
export const otherSid = (sid: string): string =>
  sid.slice(0, -1) + ((Number.parseInt(sid.slice(-1), 16) + 1) % 16).toString(16);
