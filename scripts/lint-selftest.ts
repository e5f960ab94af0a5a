/**
 * Shows that `npm run lint` catches what it is for: in a scratch copy of the repository (src/,
 * scripts/, test/ and the lint configs, node_modules linked), it plants one violation at a time and
 * runs the lint step that must catch it, expecting a failure that names it; the unchanged copy must
 * pass each step first. Run by `npm run lint:selftest` (and CI), not by `npm test`: each step runs a
 * whole-project tool (≈40 s together on a busy 2-core machine).
 *
 * Exits 0 when every planted violation fails its step, 1 otherwise.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const COPIED = [
  "src",
  "scripts",
  "test",
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "biome.jsonc",
  ".dependency-cruiser.cjs",
  "knip.json",
  ".gitignore",
];

/** A lint step: the command `npm run lint` runs for it. */
const STEPS = {
  biome: ["biome", "check", "--error-on-warnings", "."],
  "dependency-cruiser": ["depcruise", "src"],
  knip: ["knip"],
} as const;

/** One planted violation: what it changes in the copy, the step that must fail and what its output must say. */
interface Plant {
  readonly name: string;
  readonly step: keyof typeof STEPS;
  readonly plant: (root: string) => void;
  readonly expected: RegExp;
}

const PLANTS: readonly Plant[] = [
  {
    name: "an upward import (catalogue → cli)",
    step: "dependency-cruiser",
    plant: (root) =>
      appendFileSync(join(root, "src/catalogue/enums.ts"), '\nexport type { ExitCode } from "../cli/io.js";\n'),
    expected: /catalogue-not-to-cli/,
  },
  {
    name: "a cycle of type-only imports",
    step: "dependency-cruiser",
    plant: (root) => {
      writeFileSync(join(root, "src/catalogue/_a.ts"), 'import type { B } from "./_b.js";\n\nexport type A = B | 1;\n');
      writeFileSync(join(root, "src/catalogue/_b.ts"), 'import type { A } from "./_a.js";\n\nexport type B = A | 2;\n');
    },
    expected: /no-circular/,
  },
  {
    name: "a format error",
    step: "biome",
    plant: (root) =>
      appendFileSync(join(root, "src/catalogue/enums.ts"), "\nconst   badlySpaced = [1,2];\nvoid badlySpaced;\n"),
    expected: /Formatter would have printed/,
  },
  {
    name: "an unused export",
    step: "knip",
    plant: (root) => appendFileSync(join(root, "src/catalogue/enums.ts"), "\nexport const NOBODY_IMPORTS_THIS = 1;\n"),
    expected: /NOBODY_IMPORTS_THIS/,
  },
];

function scratchCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "twilio-testkit-lint-"));
  for (const entry of COPIED) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  // biome reads .gitignore through git, so the copy is a repository of its own.
  spawnSync("git", ["init", "-q"], { cwd: root });
  return root;
}

function runStep(root: string, step: keyof typeof STEPS): { status: number | null; output: string } {
  const [bin, ...args] = STEPS[step];
  const result = spawnSync(join(root, "node_modules/.bin", bin), args, { cwd: root, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

let failures = 0;
const clean = scratchCopy();
try {
  for (const step of Object.keys(STEPS) as (keyof typeof STEPS)[]) {
    const { status, output } = runStep(clean, step);
    console.log(`${status === 0 ? "ok     " : "FAILED "} ${step} passes on the unchanged copy`);
    if (status !== 0) {
      failures++;
      console.log(output);
    }
  }
} finally {
  rmSync(clean, { recursive: true, force: true });
}
for (const plant of PLANTS) {
  const root = scratchCopy();
  try {
    plant.plant(root);
    const { status, output } = runStep(root, plant.step);
    const caught = status !== 0 && plant.expected.test(output);
    console.log(`${caught ? "ok     " : "MISSED "} ${plant.step} fails on ${plant.name}`);
    if (!caught) {
      failures++;
      console.log(output);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
process.exitCode = failures === 0 ? 0 : 1;
