import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../_io.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

describe("twilio-testkit --version", () => {
  it("prints the package's version and exits 0", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("is listed in --help", async () => {
    expect((await run(["--help"])).stdout).toMatch(/--version\s+print the kit's version and exit 0/);
  });
});
