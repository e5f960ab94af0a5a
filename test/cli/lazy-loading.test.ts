// The built CLI loads its commands' work on demand: what `twilio-testkit --help`, `fake` or `validate`
// load before running is the bundle's static import graph, which must reach neither Pact, fastify nor vitest.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BUNDLE = fileURLToPath(new URL("../../dist/bundle/", import.meta.url));

/** Specifiers a bundle file imports statically, and those it imports with a literal `import("…")`. */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(file, "utf8");
  return {
    static: [...code.matchAll(/^\s*(?:import|export)\s(?:[^"';]*?\sfrom\s)?"([^"]+)";?$/gm)].map((m) => m[1]!),
    dynamic: [...code.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]!),
  };
}

/**
 * The packages a bundle entry loads before its own code runs: every static import, followed through
 * the bundle's chunks, plus the packages those chunks import dynamically (top-level awaits run
 * them while loading; other dynamic imports of chunks are what a command loads on demand).
 */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const { static: statics, dynamic } = importsOf(file);
    for (const specifier of statics) {
      if (specifier.startsWith(".")) visit(join(dirname(file), specifier));
      else packages.add(specifier);
    }
    for (const specifier of dynamic) if (!specifier.startsWith(".")) packages.add(specifier);
  };
  visit(join(BUNDLE, entry));
  return packages;
}

describe("the CLI bundle", () => {
  it("loads only commander and Node's own modules before a command runs", () => {
    const packages = [...packagesLoadedBy("cli.js")].filter((name) => !name.startsWith("node:"));
    expect(packages).toEqual(["commander"]);
  });

  it("keeps Pact, fastify and vitest in chunks that commands import on demand", () => {
    const all = readFileSync(join(BUNDLE, "cli.js"), "utf8");
    expect(importsOf(join(BUNDLE, "cli.js")).dynamic.length).toBeGreaterThan(0);
    expect(all).not.toMatch(/from "(fastify|@pact-foundation\/[^"]+|vitest)"/);
  });

  it("loads neither Pact nor vitest from the main and fake-twilio entry points", () => {
    for (const entry of ["index.js", "fake-twilio.js"]) {
      const peers = [...packagesLoadedBy(entry)].filter(
        (name) => name.startsWith("@pact-foundation/") || name === "vitest",
      );
      expect(peers, entry).toEqual([]);
    }
  });

  it("loads fastify from the fake-twilio entry point only: contracts verify starts the fake on demand", () => {
    expect(packagesLoadedBy("fake-twilio.js")).toContain("fastify");
    for (const entry of ["index.js", "contracts.js", "contracts-vitest.js", "vitest.js"])
      expect(
        [...packagesLoadedBy(entry)].filter((name) => name.includes("fastify")),
        entry,
      ).toEqual([]);
  });

  it("loads Pact from the contracts entry points and vitest from the vitest ones, through their one-line guards", () => {
    expect(packagesLoadedBy("contracts.js")).toContain("@pact-foundation/pact");
    expect(packagesLoadedBy("vitest.js")).toContain("vitest");
    expect([...packagesLoadedBy("contracts-vitest.js")]).toEqual(
      expect.arrayContaining(["@pact-foundation/pact", "vitest"]),
    );
  });
});
