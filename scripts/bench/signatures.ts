// Signature throughput: a status callback signed and its signature checked, the kit against twilio-node.
import twilio from "twilio";
import { loadKit, type Row } from "./_kit.js";
import { interleaved, RUNS, rate } from "./_measure.js";

/** Sign + validate pairs per run. */
const COUNT = 20_000;

const fmtRate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString("en-US")}/s`;

/**
 * Signs a conference status callback (10 parameters, one repeated) and validates the signature, `RUNS`
 * times interleaved, with the kit (`signTwilioRequest` + `validateTwilioSignature`) and with
 * twilio-node (`getExpectedTwilioSignature` + `validateRequest`), on URLs alternating between no port
 * and an explicit `:443` (the latter matches only on the second URL form each tries). The row passes
 * only when every check said valid.
 */
export async function benchSignatures(): Promise<Row[]> {
  const { signTwilioRequest, validateTwilioSignature } = await loadKit();
  const authToken = "bench-auth-token";
  const urls = ["https://hooks.example.com/conference?tenant=7", "https://hooks.example.com:443/conference?tenant=7"];
  const params = (i: number) => ({
    AccountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ConferenceSid: "CFbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    CallSid: "CAcccccccccccccccccccccccccccccccc",
    FriendlyName: "MyConf",
    StatusCallbackEvent: "participant-join",
    SequenceNumber: String(i),
    Timestamp: "Thu, 1 Jun 2017 20:48:32 +0000",
    Muted: "false",
    Hold: "false",
    ConferenceStatusCallbackEvent: ["start", "join", "end"],
  });
  let valid = 0;
  const kit = () =>
    rate(COUNT, (i) => {
      const url = urls[i % 2]!;
      const signature = signTwilioRequest({ authToken, url, params: params(i) });
      if (validateTwilioSignature({ authToken, signature, url: urls[(i + 1) % 2]!, params: params(i) }).ok) valid++;
    });
  const sdk = () =>
    rate(COUNT, (i) => {
      const url = urls[i % 2]!;
      const signature = twilio.getExpectedTwilioSignature(authToken, url, params(i));
      if (twilio.validateRequest(authToken, signature, urls[(i + 1) % 2]!, params(i))) valid++;
    });
  kit(); // warm-up, not counted
  sdk();
  valid = 0;
  const medians = await interleaved({ kit, sdk });
  const ratio = medians.kit / medians.sdk;
  const allValid = valid === 2 * COUNT * RUNS;
  return [
    {
      measure: "signatures: status callback signed + validated",
      kit: fmtRate(medians.kit),
      baseline: `twilio-node ${fmtRate(medians.sdk)}`,
      figure: `${ratio.toFixed(2)}×`,
      target: "≥ 0.9×, all valid",
      pass: ratio >= 0.9 && allValid,
    },
  ];
}
