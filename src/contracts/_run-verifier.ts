// internal: one run of the Pact Verifier (pact-core's verifyPacts, Pact's Rust verifier in this
// process through FFI), kept at a flat cost per interaction whatever the size of the contracts.
import pactCore, { type VerifierOptions } from "@pact-foundation/pact-core";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { devNull, tmpdir } from "node:os";
import { basename, join } from "node:path";

/**
 * Most interactions per pact file the Verifier is given. Its cost per interaction grows with the
 * size of the pact file it verifies, not with the number of files: 39 ms per interaction for one
 * file of 200, 98 ms for one of 1,000, against 7 to 9 ms in files of 10 to 50 (2-core machine, the
 * certificate store already out of the way). A larger local pact file is verified as slices of this
 * size, in the same run.
 */
export const SLICE_SIZE = 25;

/** The variables through which the Verifier's TLS stack (rustls-native-certs, openssl-probe) finds the system's certificates. */
const CERTIFICATE_VARIABLES = ["SSL_CERT_FILE", "SSL_CERT_DIR"] as const;

/** Whether a URL is plain http, so that verifying against it needs no certificate. */
const isHttp = (url: string | undefined): boolean => url === undefined || url.startsWith("http://");

/** Whether an entry of `pactUrls` is a local file (not an http(s) URL). */
const isLocal = (entry: string): boolean => !/^https?:\/\//i.test(entry);

/**
 * Local pact files with more than {@link SLICE_SIZE} interactions, as slices of that many in
 * `folder` (`<name>.<k>.json`, the same consumer, provider and metadata); other entries as given.
 */
async function sliced(pactUrls: readonly string[], folder: () => Promise<string>): Promise<string[]> {
  const out: string[] = [];
  for (const entry of pactUrls) {
    const pact = isLocal(entry) ? (JSON.parse(await readFile(entry, "utf8")) as { interactions?: unknown }) : undefined;
    const interactions = Array.isArray(pact?.interactions) ? pact.interactions : [];
    if (interactions.length <= SLICE_SIZE) {
      out.push(entry);
      continue;
    }
    const dir = await folder();
    for (let k = 0; k * SLICE_SIZE < interactions.length; k++) {
      const file = join(dir, `${basename(entry, ".json")}.${k}.json`);
      await writeFile(file, JSON.stringify({ ...pact, interactions: interactions.slice(k * SLICE_SIZE, (k + 1) * SLICE_SIZE) }));
      out.push(file);
    }
  }
  return out;
}

/**
 * Points the certificate variables at nothing while `run` runs, then puts them back as they were.
 * Without this the Verifier rereads the system certificate store for every request it sends (8,991
 * `openat` of /etc/ssl/certs for 10 interactions), which a plain-http provider and broker never
 * need. pact-core runs the Verifier in this process, and Node's `process.env` writes through to the
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

/** Runs one after the other, so that one run's certificate variables never reach another's https requests. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the Pact Verifier with `options`, at a flat cost per interaction: local pact files larger
 * than {@link SLICE_SIZE} interactions are verified as slices (in one run, so one report and one
 * result), and when the provider and the broker (if any) are plain http, without the system
 * certificate store. Runs in this process are queued, one at a time.
 *
 * @param options - pact-core's verifier options, as `verifyPacts` takes them
 * @throws whatever `verifyPacts` throws (its JSON result as the message when interactions failed);
 *   Error when a local pact file cannot be read or is not JSON
 */
export function runVerifier(options: VerifierOptions): Promise<unknown> {
  const run = queue.then(async () => {
    let folder: string | undefined;
    const slicesFolder = async () => (folder ??= await mkdtemp(join(tmpdir(), "twilio-testkit-verify-")));
    try {
      const pactUrls = options.pactUrls ? await sliced(options.pactUrls, slicesFolder) : undefined;
      const verify = () => pactCore.default.verifyPacts({ ...options, ...(pactUrls ? { pactUrls } : {}) });
      return await (isHttp(options.providerBaseUrl) && isHttp(options.pactBrokerUrl) ? withoutCertificateStore(verify) : verify());
    } finally {
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
