import { stripVTControlCharacters } from "node:util";
import { onTestFailed } from "vitest";

/** The Pact Verifier's report without its styles: ANSI escapes, as written or as the text `\u001b[…m`. */
export const plainReport = (report: string): string =>
  stripVTControlCharacters(report).replace(/\\u001b\[[0-9;]*m/g, "");

/**
 * A receiver for `verifyContracts`'s `onReport` that keeps the Verifier's report out of the test log,
 * and prints it there if the running test fails; `text` is the report without its styles.
 */
export function keptReport(): { onReport: (text: string) => void; text: () => string } {
  let report = "";
  onTestFailed(() => console.log(report));
  return { onReport: (text) => void (report += text), text: () => plainReport(report) };
}
