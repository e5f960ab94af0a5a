// internal: deep merge of overrides, as fishery merges them: plain objects merge key by key, anything
// else (arrays, dates, null, strings) replaces; an `undefined` value leaves the field as it was.

/** Whether a value is a plain object (an object literal or a parsed JSON object), the one kind merged key by key. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Merges `source` into `target` in place: nested plain objects are merged (copies, never the
 * caller's own objects), other values replace.
 */
export function mergeInto(target: Record<string, unknown>, source: unknown): Record<string, unknown> {
  for (const [key, value] of Object.entries(source as object)) {
    if (value === undefined) continue;
    if (isPlainObject(value)) {
      const current = target[key];
      target[key] = mergeInto(isPlainObject(current) ? { ...current } : {}, value);
    } else target[key] = value;
  }
  return target;
}

/** Whether a layer of overrides sets anything. */
export const isEmpty = (layer: unknown): boolean => {
  for (const _ in layer as object) return false;
  return true;
};
