// JSON Pointer reference tokens (RFC 6901 §3-4), as Ajv writes instance paths and JSON Schema `$ref`s name nodes.

/** A key as one JSON Pointer reference token: `~` as `~0`, `/` as `~1`. */
export const toPointerToken = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** A JSON Pointer reference token as the key it names: `~1` as `/`, then `~0` as `~` (in that order, per RFC 6901 §4). */
export const fromPointerToken = (token: string): string => token.replace(/~1/g, "/").replace(/~0/g, "~");
