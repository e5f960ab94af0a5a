// internal: loads an optional peer dependency (Pact, vitest), or fails with one line naming the package to install.
import { TestkitError } from "./errors.js";

/**
 * Imports an optional peer dependency of the kit (package.json `peerDependenciesMeta`), for the
 * entry points and commands that need it. Modules that need one take its values from a small
 * `_<peer>.ts` module that awaits this at top level, so that a missing peer fails the import of
 * the entry point or the command with this one line instead of Node's ERR_MODULE_NOT_FOUND.
 *
 * @param name - the package, e.g. `@pact-foundation/pact`
 * @param load - `() => import("<name>")`, written out so that types and bundlers see the specifier
 * @param install - the package to install for it, when another one brings it (e.g.
 *   `@pact-foundation/pact` brings `@pact-foundation/pact-core`); default `name`
 * @returns the package's module
 * @throws TestkitError `CONFIG` when the package is not installed: "Failed to load
 *   @pact-foundation/pact: install it with npm install --save-dev @pact-foundation/pact"; any other
 *   error of the package's own loading as it is
 */
export async function importPeer<M>(name: string, load: () => Promise<M>, install = name): Promise<M> {
  try {
    return await load();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code !== "ERR_MODULE_NOT_FOUND" || !message.includes(`'${name}'`)) throw error;
    const brings = install === name ? "" : `, which brings it`;
    // No cause: Node's "Cannot find package … imported from …" would only repeat this line, at length.
    throw new TestkitError(
      "CONFIG",
      `Failed to load ${name}: install it with npm install --save-dev ${install}${brings}`,
    );
  }
}
