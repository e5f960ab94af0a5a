/**
 * Bundles the compiled entry points (`dist/`, from `tsc -p tsconfig.build.json`) into
 * `dist/bundle/`, one file per entry and shared chunks, with esbuild: a consumer's `import` then
 * loads a handful of files instead of some forty modules, which is most of the kit's cold start
 * (see README, "Performance"). Packages stay external. Every output sits two folders below the
 * package root, as `src/catalogue/schema-files.ts` does, so `../../schemas/` still finds the schemas.
 * Run by `npm run build`.
 */
import { build } from "esbuild";
import { chmodSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Each entry point of package.json `exports` (and `bin`), by its bundle's name. */
const ENTRIES = {
  index: "dist/index.js",
  vitest: "dist/vitest/index.js",
  contracts: "dist/contracts/index.js",
  "contracts-vitest": "dist/contracts/vitest.js",
  "fake-twilio": "dist/fake-twilio/index.js",
  msw: "dist/msw/index.js",
  cli: "dist/cli/main.js",
  // Not an entry point of the package: the child process in which contracts verify runs the Pact Verifier.
  "_verifier-process": "dist/contracts/_verifier-process.js",
};

// esbuild does not empty its outdir: chunks of an earlier build would linger and be published.
rmSync(new URL("../dist/bundle/", import.meta.url), { recursive: true, force: true });

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
