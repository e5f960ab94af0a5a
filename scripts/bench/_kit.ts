// internal: the built kit, which every benchmark measures as a consumer imports it (the package's own
// `exports`, i.e. the bundles in dist/bundle/); typed by its sources.
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The kit's main entry as a consumer imports it: what `twilio-testkit` resolves to. */
export const KIT_ENTRY = import.meta.resolve("twilio-testkit");

/** Loads the built kit's main entry (run `npm run build` first; `npm run bench` does). */
export async function loadKit(): Promise<typeof import("../../src/index.js")> {
  return (await import(KIT_ENTRY)) as typeof import("../../src/index.js");
}

/** Loads the built kit's contract builders (`twilio-testkit/contracts`). */
export async function loadContracts(): Promise<typeof import("../../src/contracts/index.js")> {
  return (await import(
    import.meta.resolve("twilio-testkit/contracts")
  )) as typeof import("../../src/contracts/index.js");
}

/** One row of the benchmark table. */
export interface Row {
  /** What is measured, e.g. `factories: participants/s built + serialised` */
  readonly measure: string;
  /** The kit's figure, formatted, e.g. `251,000/s` */
  readonly kit: string;
  /** What it is compared with and its figure, e.g. `json-schema-faker 4,900/s`; empty for absolute targets */
  readonly baseline: string;
  /** The figure the target is about, formatted, e.g. `51.2×` or `+18.4 ms` */
  readonly figure: string;
  /** The target, e.g. `≥ 15×` */
  readonly target: string;
  /** Whether the figure meets the target */
  readonly pass: boolean;
}
