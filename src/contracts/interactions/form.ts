import { MatchersV3 } from "../_pact.js";
import { groupedValues } from "../../validate/_form.js";

export { formPairs, groupedValues, type FormValue } from "../../validate/_form.js";

/** A JSON path that names a form key, dots and all (`$['Parameter1.Name']`). */
const fieldPath = (key: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `$.${key}` : `$['${key.replace(/'/g, "\\'")}']`;

/**
 * A form body for PactV4 and its matching rules. PactV4 has no form builder: `body()` sends the
 * bytes with a content-type rule on `$` that form fields fail (pact-js#767), so each key gets its own
 * equality rule, which Pact prefers as the more specific.
 *
 * @param pairs - from {@link formPairs}
 * @returns the encoded bytes and the rules for `matchingRules()`
 */
export function formBody(pairs: ReadonlyArray<readonly [string, string]>) {
  return {
    bytes: Buffer.from(new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v])).toString()),
    rules: {
      body: Object.entries(groupedValues(pairs)).map(([key, value]) => ({
        path: fieldPath(key),
        rules: [MatchersV3.equal(value)],
      })),
    },
  };
}
