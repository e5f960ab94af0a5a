export {
  Factory,
  type AfterBuild,
  type BuildContext,
  type DeepPartial,
  type Draw,
  type FactoryDefinition,
  type GenerateInput,
  type Trait,
} from "./factory.js";
export { defineFactory, type DefineFactoryOptions } from "./define.js";
export { participantFactory, ParticipantFactory, type ParticipantTrait } from "./participant.js";
export {
  conferenceFactory,
  ConferenceFactory,
  type ConferenceParams,
  type ConferenceTrait,
  type DateWindows,
  type TimeWindow,
} from "./conference.js";
export { streamFactory, StreamFactory, type StreamTrait } from "./stream.js";
export { errorFactory, type ErrorTrait } from "./error.js";
export {
  conferencePageFactory,
  PageFactory,
  participantPageFactory,
  type PageParams,
  type PageQuery,
} from "./pages.js";
export {
  INVALID_RULES,
  invalidRulesFor,
  type ExpectedIssue,
  type InvalidCase,
  type InvalidCases,
  type InvalidRule,
  type InvalidRuleName,
} from "./invalid/index.js";
export { FACTORIES_BY_KIND } from "./by-kind.js";
export * from "./callbacks/index.js";
