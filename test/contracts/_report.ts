import { stripVTControlCharacters } from "node:util";

/** The Pact Verifier's report without its styles: ANSI escapes, as written or as the text `\u001b[…m`. */
export const plainReport = (report: string): string =>
  stripVTControlCharacters(report).replace(/\\u001b\[[0-9;]*m/g, "");
