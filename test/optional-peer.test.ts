import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importPeer } from "../src/_optional-peer.js";
import { TestkitError } from "../src/errors.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
/** The optional peer dependencies (package.json `peerDependenciesMeta`). */
const PEERS = Object.keys(
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { peerDependenciesMeta: object })
    .peerDependenciesMeta,
);

describe("importPeer", () => {
  it("returns the package's module when it is installed", async () => {
    const commander = await importPeer("commander", () => import("commander"));
    expect(typeof commander.Command).toBe("function");
  });

  it("fails with one line naming the package to install when it is missing", async () => {
    // A specifier held in a variable, so that neither TypeScript nor Vite resolves it ahead of time.
    const name = "twilio-testkit-no-such-peer";
    const error = await importPeer(name, () => import(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestkitError);
    expect(error).toMatchObject({
      code: "CONFIG",
      message: `Failed to load ${name}: install it with npm install --save-dev ${name}`,
    });
  });

  it("names the package that brings a missing one", async () => {
    const name = "twilio-testkit-no-such-core";
    const error = await importPeer(name, () => import(name), "twilio-testkit-no-such-peer").catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `Failed to load ${name}: install it with npm install --save-dev twilio-testkit-no-such-peer, which brings it`,
    );
  });

  it("passes on any other failure of the package's own loading", async () => {
    const failure = Object.assign(new Error("Cannot find package 'something-else' imported from x"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    await expect(importPeer("commander", () => Promise.reject(failure))).rejects.toBe(failure);
  });
});

describe("the optional peer dependencies", () => {
  it("are imported for their values only through importPeer, so that a missing one fails with its line", () => {
    const offenders: string[] = [];
    for (const file of readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"))) {
      const code = readFileSync(join(SRC, file), "utf8");
      // Static value imports (over several lines too), bare imports and re-exports; `import type` is erased from the output.
      for (const [line, specifier] of code.matchAll(/^(?:import|export)(?! type )(?:[^";]*?from )?\s*"([^"]+)"/gm))
        if (PEERS.some((peer) => specifier === peer || specifier!.startsWith(`${peer}/`)))
          offenders.push(`${file}: ${line}`);
    }
    expect(offenders).toEqual([]);
  });
});
