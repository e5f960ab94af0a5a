export {
  addTwilioInteraction,
  answeredWithError,
  defineInteraction,
  type InteractionSpec,
  type ResponseChoice,
  type TwilioInteraction,
} from "./interaction.js";
export type { FormValue } from "./form.js";
export {
  PROVIDER_NAME,
  PROVIDER_STATE_EXAMPLES,
  PROVIDER_STATES,
  type ProviderStateName,
} from "../../catalogue/provider-states.js";
export {
  createParticipant,
  deleteParticipant,
  fetchParticipant,
  listParticipant,
  updateParticipant,
  type ParticipantAddress,
} from "./participants.js";
export { fetchConference, listConference, updateConference } from "./conferences.js";
export { createStream, updateStream } from "./streams.js";
export {
  addTwilioCallback,
  callbackMessage,
  CALLBACK_PROVIDER_NAME,
  CALLBACK_STATES,
  type CallbackMessageOptions,
  type TwilioCallbackMessage,
} from "./callbacks.js";
