/**
 * Lays out `dist/` from `src/`, after `tsc -p tsconfig.build.json` (which type-checks the whole
 * project and writes declarations to `.tmp/types/`): the declarations of `src/` go to `dist/` (what
 * package.json `types` names), and esbuild bundles the TypeScript sources into `dist/bundle/`, one
 * file per entry and shared chunks: a consumer's `import` then loads a handful of files instead of
 * some forty modules, which is most of the kit's cold start (see README, "Performance"). Packages stay
 * external. Every output sits two folders below the package root, as `src/catalogue/schema-files.ts`
 * does, so `../../schemas/` still finds the schemas. Run by `npm run build`.
 */
import { build } from "esbuild";
import { chmodSync, cpSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Each entry point of package.json `exports` (and `bin`), by its bundle's name. */
const ENTRIES = {
  index: "src/index.ts",
  vitest: "src/vitest/index.ts",
  contracts: "src/contracts/index.ts",
  "contracts-vitest": "src/contracts/vitest.ts",
  "fake-twilio": "src/fake-twilio/index.ts",
  msw: "src/msw/index.ts",
  cli: "src/cli/main.ts",
  // Not an entry point of the package: the child process in which contracts verify runs the Pact Verifier.
  "_verifier-process": "src/contracts/_verifier-process.ts",
};

// A fresh dist/: files of an earlier build (chunks, declarations of a module since removed) would linger and be published.
rmSync(new URL("../dist/", import.meta.url), { recursive: true, force: true });

// The declaration of each module src/ has now (.tmp/types may still hold those of removed ones).
for (const file of readdirSync(new URL("../src/", import.meta.url), { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".ts") || file.endsWith(".d.ts")) continue;
  const declaration = file.replace(/\.ts$/, ".d.ts");
  cpSync(
    new URL(`../.tmp/types/src/${declaration}`, import.meta.url),
    new URL(`../dist/${declaration}`, import.meta.url),
  );
}

await build({
  absWorkingDir: root,
  entryPoints: ENTRIES,
  outdir: "dist/bundle",
  chunkNames: "chunk-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});

// The CLI bundle is package.json's `bin`: executable, as npm makes bins on install.
chmodSync(new URL("../dist/bundle/cli.js", import.meta.url), 0o755);
