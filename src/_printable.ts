// internal: text from outside (pact files, response bodies, arguments) made safe to print on a
// terminal, which would otherwise act on the control characters in it (colour, clear the screen,
// move the cursor, set the window title, reorder the line).

/**
 * Characters a terminal may act on rather than show: the C0 controls (U+0000–U+001F, ESC among them,
 * which starts every ANSI escape sequence), DEL (U+007F), the C1 controls (U+0080–U+009F, CSI among
 * them), and the bidirectional embeddings, overrides and isolates that reorder the text after them
 * (U+202A–U+202E, U+2066–U+2069). The first form also matches the line feed, the second does not.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LINE_FEED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `\n`, `\r` and `\t` as JSON writes them, any other control as `\u001b`: valid inside a JSON string too. */
function escaped(char: string): string {
  if (char === "\n") return "\\n";
  if (char === "\r") return "\\r";
  if (char === "\t") return "\\t";
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * One value on one line: every control character shown as its escape, line feeds included.
 *
 * @example `printable("red \x1b[31m\nnext")` → `red \u001b[31m\nnext` (with a backslash, on one line)
 */
export const printable = (text: string): string => text.replace(CONTROLS, escaped);

/**
 * Output made of lines: every control character shown as its escape, except the line feeds that
 * separate the lines. JSON stays valid JSON of the same value, since JSON text holds controls only
 * inside strings, where these escapes mean the same.
 */
export const printableLines = (text: string): string => text.replace(CONTROLS_BUT_LINE_FEED, escaped);
