// internal: one run of the Pact Verifier (pact-core's verifyPacts, Pact's Rust verifier in this
// process through FFI), kept at a flat cost per interaction whatever the size of the contracts.
import type { VerifierOptions } from "@pact-foundation/pact-core";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { devNull, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { verifyPacts } from "./_pact-core.js";
import { startVerifier } from "./_pact-verifier.js";

/**
 * Most interactions per pact file the Verifier is given. Its cost per interaction grows with the
 * size of the pact file it verifies: 39 ms per interaction for one file of 200, 98 ms for one of
 * 1,000, against 7 to 9 ms in files of 10 to 50 (2-core machine, the certificate store already out
 * of the way). A larger local pact file is verified as slices of this size.
 */
export const SLICE_SIZE = 25;

/**
 * Most interactions per Verifier run. Within one run the cost per interaction still grows with the
 * number of interactions, whatever the files (5 ms each for runs of 200, 9.5 ms for a run of
 * 2,000), so local pact files are verified in runs of about this many, one after the other.
 */
export const RUN_SIZE = 200;

/**
 * The variable through which the Verifier's TLS stack finds the system's certificate folder. Only
 * the folder: pact-core 20's Verifier cannot build its HTTP client when `SSL_CERT_FILE` names a file
 * without certificates ("builder error"), and the folder is what it rereads (with SSL_CERT_DIR
 * pointed at nothing, 10 instead of 880 `openat` of /etc/ssl for one interaction with pact-core 20;
 * 38 instead of 9,028 for 10 with pact-core 19).
 */
const CERTIFICATE_VARIABLES = ["SSL_CERT_DIR"] as const;

/** Whether a URL is plain http, so that verifying against it needs no certificate. */
const isHttp = (url: string | undefined): boolean => url?.startsWith("http://") === true;

/** Whether an entry of `pactUrls` is a local file (not an http(s) URL). */
const isLocal = (entry: string): boolean => !/^https?:\/\//i.test(entry);

/** A pact file for the Verifier, and how many interactions it holds (0 when it is not a local file). */
interface PactSource {
  readonly file: string;
  readonly interactions: number;
}

/**
 * Local pact files with more than {@link SLICE_SIZE} interactions, as slices of that many in
 * `folder` (`<name>.<k>.json`, the same consumer, provider and metadata); other entries as given.
 */
async function sliced(pactUrls: readonly string[], folder: () => Promise<string>): Promise<PactSource[]> {
  const out: PactSource[] = [];
  for (const entry of pactUrls) {
    const pact = isLocal(entry) ? (JSON.parse(await readFile(entry, "utf8")) as { interactions?: unknown }) : undefined;
    const interactions = Array.isArray(pact?.interactions) ? pact.interactions : [];
    if (interactions.length <= SLICE_SIZE) {
      out.push({ file: entry, interactions: interactions.length });
      continue;
    }
    const dir = await folder();
    for (let k = 0; k * SLICE_SIZE < interactions.length; k++) {
      const file = join(dir, `${basename(entry, ".json")}.${k}.json`);
      const slice = interactions.slice(k * SLICE_SIZE, (k + 1) * SLICE_SIZE);
      await writeFile(file, JSON.stringify({ ...pact, interactions: slice }));
      out.push({ file, interactions: slice.length });
    }
  }
  return out;
}

/** The pact files in runs of at most {@link RUN_SIZE} interactions (a file larger than that alone), in order. */
function inRuns(sources: readonly PactSource[]): string[][] {
  const runs: string[][] = [];
  let size = Infinity;
  for (const source of sources) {
    if (size + source.interactions > RUN_SIZE) {
      runs.push([]);
      size = 0;
    }
    runs.at(-1)?.push(source.file);
    size += source.interactions;
  }
  return runs;
}

/** The Verifier's JSON result, as pact-core resolves it (success) or rejects with it as the message (failure). */
interface VerifierResult {
  readonly result?: boolean;
  readonly errors?: unknown[];
  readonly pendingErrors?: unknown[];
  readonly notices?: unknown[];
  readonly interactionResults?: unknown[];
  readonly output?: unknown[];
}

/** The result of several runs as one: lists joined, and failed when any run failed. */
function joined(results: readonly VerifierResult[]): VerifierResult {
  const all = (key: "errors" | "pendingErrors" | "notices" | "interactionResults" | "output") =>
    results.flatMap((r) => r[key] ?? []);
  return {
    result: results.every((r) => r.result !== false),
    errors: all("errors"),
    pendingErrors: all("pendingErrors"),
    notices: all("notices"),
    interactionResults: all("interactionResults"),
    output: all("output"),
  };
}

/**
 * Verifies local pact files in runs of about {@link RUN_SIZE} interactions, every run even after a
 * failed one, and answers as one run would: resolves with the joined JSON result, or rejects with an
 * Error whose message is the joined JSON result when an interaction failed. A run that fails without
 * a JSON result (the Verifier could not run) rejects at once with its error.
 */
async function verifyInRuns(options: VerifierOptions, runs: readonly string[][]): Promise<string> {
  const results: VerifierResult[] = [];
  for (const pactUrls of runs) {
    try {
      const answer: unknown = await startVerifier(() => verifyPacts({ ...options, pactUrls }));
      results.push(
        typeof answer === "string" && answer.startsWith("{")
          ? (JSON.parse(answer) as VerifierResult)
          : { result: true },
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (runs.length === 1 || !message.startsWith("{")) throw error;
      results.push({ ...(JSON.parse(message) as VerifierResult), result: false });
    }
  }
  const result = joined(results);
  if (result.result === false) throw new Error(JSON.stringify(result));
  return JSON.stringify(result);
}

/**
 * Points the certificate folder variable at nothing while `run` runs, then puts it back as it was.
 * Without this the Verifier rereads the system certificate store for every request it sends (8,991
 * `openat` of /etc/ssl/certs for 10 interactions), which local pact files and a plain-http provider
 * never need. (Not with a broker, even a plain-http one: pact-core 20 builds its broker client from
 * the system certificates and panics when there are none.) pact-core runs the Verifier in this process, and Node's `process.env` writes through to the
 * process environment, which the Verifier reads (not in a worker thread, whose `process.env` is a copy).
 */
async function withoutCertificateStore<T>(run: () => Promise<T>): Promise<T> {
  const saved = CERTIFICATE_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of CERTIFICATE_VARIABLES) process.env[name] = devNull;
  try {
    return await run();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Runs one after the other, so that one run's certificate variable never reaches another's https requests. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the Pact Verifier with `options`, at a flat cost per interaction: local pact files larger
 * than {@link SLICE_SIZE} interactions are verified as slices, in runs of about {@link RUN_SIZE}
 * interactions whose results are joined into one; and when the pacts are local files and the provider
 * plain http, without the system certificate store. Runs in this process are queued, one at a time.
 *
 * @param options - pact-core's verifier options, as `verifyPacts` takes them
 * @returns pact-core's result: the Verifier's JSON result
 * @throws whatever `verifyPacts` throws: an Error whose message is the (joined) JSON result when
 *   interactions failed; Error when a local pact file cannot be read or is not JSON
 */
export function runVerifier(options: VerifierOptions): Promise<unknown> {
  const run = queue.then(async () => {
    let folder: string | undefined;
    const slicesFolder = async () => (folder ??= await mkdtemp(join(tmpdir(), "twilio-testkit-verify-")));
    try {
      const runs = options.pactUrls ? inRuns(await sliced(options.pactUrls, slicesFolder)) : undefined;
      const verify = () => (runs ? verifyInRuns(options, runs) : startVerifier(() => verifyPacts(options)));
      return await (isHttp(options.providerBaseUrl) && options.pactBrokerUrl === undefined
        ? withoutCertificateStore(verify)
        : verify());
    } finally {
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
