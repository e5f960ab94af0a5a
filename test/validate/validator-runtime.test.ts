import { createRequire } from "node:module";
import { expect, it } from "vitest";
import { ucs2length } from "../../src/validate/_validator-runtime.js";

const ajvUcs2length = (
  createRequire(import.meta.url)("ajv/dist/runtime/ucs2length") as { default: (text: string) => number }
).default;

it("ucs2length counts code points as Ajv's own runtime helper does", () => {
  const texts = [
    "",
    "a",
    "agent",
    "héllo",
    "😀",
    "a😀b",
    "\ud83d",
    "\ude00",
    "\ud83d\ud83d\ude00",
    "x\ud83d",
    "\ude00\ud83d",
    "日本語",
    "\u0000",
  ];
  for (const text of texts) expect(ucs2length(text), JSON.stringify(text)).toBe(ajvUcs2length(text));
});
