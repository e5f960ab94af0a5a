// X-Twilio-Signature for the handlers that receive Twilio's callbacks (WEBHOOKS.md §6).
export type { TwilioParams } from "./_params.js";
export { signTwilioRequest, type SignInput } from "./sign.js";
export {
  validateTwilioSignature,
  type SignatureCheck,
  type SignatureFailure,
  type ValidateSignatureInput,
} from "./validate.js";
export { signedCallbackRequest, type CallbackRequestInput, type SignedTwilioRequest } from "./request.js";
