// internal: hides secrets in what the contract commands print.
/**
 * Replaces every secret in a text with `***`.
 *
 * @param secrets - values never to show; empty strings are ignored
 * @returns a function that redacts a text
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const shown = secrets.filter((s) => s !== "").sort((a, b) => b.length - a.length);
  return (text) => shown.reduce((out, secret) => out.split(secret).join("***"), text);
}
