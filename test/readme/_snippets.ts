// The README's code blocks, for tests that run them as written.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The code blocks of one README section, in order: those between its heading (`### Consumer side`)
 * and the next heading of the same or a higher level.
 *
 * @throws Error when the heading is missing
 */
export function readmeBlocks(heading: string, language = "ts"): string[] {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const start = readme.split("\n").indexOf(heading);
  if (start === -1) throw new Error(`README.md has no heading ${JSON.stringify(heading)}`);
  const level = heading.indexOf(" ");
  const lines = readme.split("\n").slice(start + 1);
  const end = lines.findIndex((line) => /^#+ /.test(line) && line.indexOf(" ") <= level);
  const section = lines.slice(0, end === -1 ? undefined : end).join("\n");
  return [...section.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, "gm"))].map(
    (match) => match[1] ?? "",
  );
}

/** One fenced code block of the README: where it starts, under which heading, its language and text. */
export interface ReadmeBlock {
  /** 1-based line of the opening fence */
  readonly line: number;
  /** The nearest heading above it, as written (`### Fake resources`) */
  readonly heading: string;
  /** The fence's info string (`sh`, `ts`, `json`, `text`) */
  readonly language: string;
  readonly code: string;
}

/** Every fenced code block of the README, in order. */
export function readmeCodeBlocks(): ReadmeBlock[] {
  const lines = readFileSync(join(REPO, "README.md"), "utf8").split("\n");
  const blocks: ReadmeBlock[] = [];
  let heading = "(top)";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#+ /.test(line)) heading = line;
    const fence = /^```(\S*)\s*$/.exec(line);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
    if (end === -1) throw new Error(`README.md: the code block at line ${i + 1} is not closed`);
    blocks.push({ line: i + 1, heading, language: fence[1] ?? "", code: `${lines.slice(i + 1, end).join("\n")}\n` });
    i = end;
  }
  return blocks;
}

/**
 * A scratch consumer project in a temporary folder: `node_modules` holds `twilio-testkit` (this
 * repository, as built) and every package of the repository's own `node_modules`, as links, so that
 * a README snippet imports what a user's project would.
 *
 * @returns the project's folder
 */
export function scratchProject(): string {
  const project = mkdtempSync(join(tmpdir(), "readme-"));
  const modules = join(project, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(join(REPO, "node_modules"))) {
    if (name.startsWith(".")) continue;
    symlinkSync(join(REPO, "node_modules", name), join(modules, name));
  }
  symlinkSync(REPO, join(modules, "twilio-testkit"));
  writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');
  return project;
}

/**
 * Runs a tool of this repository's `node_modules` (`vitest/vitest.mjs`, `tsx/dist/cli.mjs`) with Node in
 * `project`, colours off.
 *
 * @returns its standard output then standard error, after a line `failed` when it exits non-zero
 */
export function runInProject(project: string, tool: string, args: readonly string[] = []): Promise<string> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [join(REPO, "node_modules", tool), ...args],
      { cwd: project, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => resolve(`${error ? "failed\n" : ""}${stdout}${stderr}`),
    ),
  );
}

/**
 * Writes each snippet as the test file its first line names (`// test/webhooks.test.ts`), and a Vitest
 * config that runs `test/*.test.ts`.
 *
 * @returns the files written, relative to the project, in order
 * @throws Error when a snippet's first line names no `test/….test.ts` file
 */
export function writeSnippetTests(project: string, snippets: readonly string[]): string[] {
  mkdirSync(join(project, "test"), { recursive: true });
  writeFileSync(join(project, "vitest.config.mjs"), "export default { test: { include: ['test/*.test.ts'] } };\n");
  return snippets.map((snippet) => {
    const file = /^\/\/ (test\/[\w.-]+\.test\.ts)\n/.exec(snippet)?.[1];
    if (!file) throw new Error(`the snippet's first line names no test/….test.ts file: ${snippet.split("\n")[0]}`);
    writeFileSync(join(project, file), snippet);
    return file;
  });
}
