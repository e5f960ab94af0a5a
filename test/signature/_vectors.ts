// X-Twilio-Signature vectors: the published ones in ../shared (read, never copied) and the project's own.
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** One vector: what is signed, and the header Twilio sends for it. */
export interface SignatureVector {
  /** where it comes from */
  readonly name: string;
  readonly authToken: string;
  /** the URL the request goes to */
  readonly url: string;
  /** the URL the signature was computed over, when it differs from `url` (a port added) */
  readonly signedUrl?: string;
  readonly params?: Readonly<Record<string, string | readonly string[]>>;
  /** a raw JSON body, signed through `bodySHA256` in `url` */
  readonly body?: string;
  readonly signature: string;
  /** the string the HMAC covers, spelled out by hand, when the vector gives it */
  readonly signedString?: string;
}

const WEBHOOKS_DIR = new URL("../../../shared/twilio-examples/webhooks/", import.meta.url);

/** Whether ../shared/twilio-examples/webhooks sits beside the clone. */
export const HAS_PUBLISHED = existsSync(WEBHOOKS_DIR);

/** The one line a run without it prints. */
export const PUBLISHED_SKIPPED =
  "../shared/twilio-examples/webhooks not found: published signature vectors skipped (the project's own in test/signature/_vectors.ts still run)";

/** WEBHOOKS.md §6.3's vectors from twilio-node's and twilio-python's tests (`webhooks/signature.*.json`). */
export const PUBLISHED: SignatureVector[] = HAS_PUBLISHED
  ? readdirSync(WEBHOOKS_DIR)
      .filter((file) => /^signature\..*\.json$/.test(file))
      .sort()
      .map((file) => {
        const v = JSON.parse(readFileSync(new URL(file, WEBHOOKS_DIR), "utf8")) as Record<string, unknown>;
        return {
          name: file,
          authToken: v.auth_token as string,
          url: v.url as string,
          ...(v.signed_url ? { signedUrl: v.signed_url as string } : {}),
          ...(v.body === undefined ? { params: v.params as Record<string, string> } : { body: v.body as string }),
          signature: v.signature as string,
          ...(v.signed_string ? { signedString: v.signed_string as string } : {}),
        };
      })
  : [];

/**
 * The project's own vectors, one fact each. Each `signature` was computed outside Node, with Python's
 * `hmac` over the `signedString` written here by hand, so neither this kit nor twilio-node computed them.
 */
export const OWN: SignatureVector[] = [
  {
    name: "keys in code-unit order, an empty value kept as its key alone, UTF-8 value, URL's own query first",
    authToken: "kit-token-1",
    url: "https://hooks.example.org/conference?tenant=7",
    params: {
      StatusCallbackEvent: "participant-join",
      ConferenceSid: "CFbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
      ToZip: "",
      SequenceNumber: "2",
      CalledCity: "São Paulo",
      AccountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    },
    signedString:
      "https://hooks.example.org/conference?tenant=7AccountSidACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaCalledCitySão PauloConferenceSidCFbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbSequenceNumber2StatusCallbackEventparticipant-joinToZip",
    signature: "bL5T0s8YUIAnrprrlJB8TC48PwE=",
  },
  {
    name: "a repeated key: its values sorted, a duplicate counted once; a non-default port signed",
    authToken: "kit-token-1",
    url: "http://127.0.0.1:8080/cb?x=1",
    params: { ConferenceStatusCallbackEvent: ["start", "join", "end", "join"] },
    signedString:
      "http://127.0.0.1:8080/cb?x=1ConferenceStatusCallbackEventendConferenceStatusCallbackEventjoinConferenceStatusCallbackEventstart",
    signature: "9AGHTU0RclopC5faarSDapUhMXY=",
  },
  {
    name: "a JSON body: bodySHA256 in the URL, the HMAC over the URL alone",
    authToken: "kit-token-1",
    url: "https://hooks.example.org/stream?bodySHA256=eaf118f7952575ffedc45ef684be9ef29e01d47201023b3f9760e38804a0ae8a",
    body: '{"StreamEvent":"stream-started","StreamSid":"MZcccccccccccccccccccccccccccccccc"}',
    signedString:
      "https://hooks.example.org/stream?bodySHA256=eaf118f7952575ffedc45ef684be9ef29e01d47201023b3f9760e38804a0ae8a",
    signature: "EKU/OWiGMVLkUPa24mDB8gLPWds=",
  },
  {
    name: "a GET: the parameters in the query, the HMAC over the URL alone",
    authToken: "kit-token-1",
    url: "https://hooks.example.org/status?CallSid=CAdddddddddddddddddddddddddddddddd&CallStatus=in-progress&Caller=%2B15017122661",
    signedString:
      "https://hooks.example.org/status?CallSid=CAdddddddddddddddddddddddddddddddd&CallStatus=in-progress&Caller=%2B15017122661",
    signature: "lmiA8b9oYm8oditjKcB+QHBqV3g=",
  },
];
