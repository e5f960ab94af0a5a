// The README's "Faking a callback from the command line" and "Callback contracts" blocks, run as written:
// the commands through the CLI, the consumer test as pasted in a scratch project by a child Vitest,
// whose contract then passes `contracts check --strict` and `contracts verify` there.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { readmeBlocks, REPO, scratchProject } from "./_snippets.js";

/** A README command line as the environment it sets and the arguments after `twilio-testkit` (or `npx …`). */
function parse(line: string): { env: Record<string, string>; command: string[] } {
  const words = line.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? "")) {
    const [name = "", ...value] = (words.shift() ?? "").split("=");
    env[name] = value.join("=");
  }
  return { env, command: words };
}

const lines = (block: string | undefined) => (block ?? "").split("\n").filter((line) => line.trim() !== "");

describe("README, Faking a callback from the command line", () => {
  it("each command prints a signed request; the first prints what the README shows, parameter for parameter", async () => {
    const [commands] = readmeBlocks("### Faking a callback from the command line", "sh");
    const [shown] = readmeBlocks("### Faking a callback from the command line", "text");
    const outputs: string[] = [];
    for (const line of lines(commands)) {
      const { env, command } = parse(line);
      expect(command.slice(0, 2)).toEqual(["npx", "twilio-testkit"]);
      const { code, stdout, stderr } = await run(command.slice(2), { env });
      expect({ line, code, stderr }).toEqual({ line, code: 0, stderr: "" });
      expect(stdout).not.toContain("your_auth_token");
      outputs.push(stdout);
    }
    expect(outputs).toHaveLength(3);
    // The values depend on the factories' draws; the request line, header names and parameters do not.
    const shape = (text: string) => {
      const [head = "", body = ""] = text.trim().split("\n\n");
      const names = [...new URLSearchParams(body).keys()];
      return { head: head.replace(/: .*$/gm, ":"), names };
    };
    expect(shape(outputs[0] ?? "")).toEqual(shape(shown ?? ""));
    expect(outputs[1]).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:3000\/status' -H /);
    expect(JSON.parse(outputs[2] ?? "")).toMatchObject({ method: "GET" });
  });
});

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, Callback contracts", () => {
  it("the consumer test passes as pasted, and its contract passes check --strict and verify", async () => {
    const [snippet, ...more] = readmeBlocks("### Callback contracts");
    expect(more).toEqual([]);
    const file = /^\/\/ (\S+)/.exec(snippet ?? "")?.[1] ?? "";
    expect(file).toBe("test/receiver.contract.test.ts");
    mkdirSync(join(project, "test"));
    writeFileSync(join(project, file), snippet ?? "");
    writeFileSync(join(project, "vitest.config.mjs"), "export default { test: { include: ['test/*.test.ts'] } };\n");
    const [commands] = readmeBlocks("### Callback contracts", "sh");
    const steps = lines(commands).map(parse);
    expect(steps.map((s) => s.command.slice(0, 3).join(" "))).toEqual([
      `npx vitest run`,
      "npx twilio-testkit contracts",
      "npx twilio-testkit contracts",
    ]);
    const [vitest, ...cli] = steps;
    const output = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        [join(REPO, "node_modules/vitest/vitest.mjs"), ...(vitest?.command.slice(2) ?? [])],
        { cwd: project, env: { ...process.env, NO_COLOR: "1" } },
        (error, stdout, stderr) => resolve(`${error ? "failed\n" : ""}${stdout}${stderr}`),
      ),
    );
    expect(output).toMatch(/Tests\s+1 passed/);
    const contract = join(project, "contracts", "my-receiver-twilio-callbacks.json");
    expect(existsSync(contract)).toBe(true);
    const pact = JSON.parse(readFileSync(contract, "utf8")) as { interactions: Array<{ type: string }> };
    expect(pact.interactions.map((i) => i.type)).toEqual(["Asynchronous/Messages"]);
    for (const step of cli) {
      const { code, stdout, stderr } = await run(step.command.slice(2), { cwd: project });
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout).toMatch(/^(ok: 1 interactions in 1 pact files \(strict profile\)|Verified 1 callback pact files)/);
    }
  });
});
