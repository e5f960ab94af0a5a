import type { CreateStreamBody, Stream, UpdateStreamBody } from "../../generated/schemas.js";
import { defineInteraction, type ResponseChoice, type TwilioInteraction } from "./interaction.js";
import { PROVIDER_STATES } from "../../catalogue/provider-states.js";

/**
 * Custom stream parameters as Twilio's form wants them: `Parameter1.Name`, `Parameter1.Value`, …,
 * numbered from 1 in the given order, at most 99 (OPERATIONS.md, CreateStream).
 */
function customParameters(parameters: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parameters).flatMap(([name, value], i) => [
      [`Parameter${i + 1}.Name`, name],
      [`Parameter${i + 1}.Value`, value],
    ]),
  );
}

/**
 * CreateStream: POST a form body (`Url` required, `Track`, `Name`, custom parameters) to the call's
 * Streams.json; 200 with the stream (the current spec's status; twilio-node fixtures used 201).
 *
 * @param input.parameters - custom parameters by name, sent as `ParameterN.Name` / `ParameterN.Value`
 */
export function createStream(
  input: {
    example: Stream;
    body: Omit<CreateStreamBody, `Parameter${string}`>;
    parameters?: Readonly<Record<string, string>>;
  } & ResponseChoice,
): TwilioInteraction {
  const { example } = input;
  return defineInteraction({
    operationId: "CreateStream",
    description: input.description ?? "a request to start a media stream on a call",
    state: PROVIDER_STATES.callInProgress,
    stateParams: { example },
    pathParams: { AccountSid: example.account_sid, CallSid: example.call_sid },
    form: { ...input.body, ...customParameters(input.parameters ?? {}) },
    response: { kind: "stream", example },
    ...(input.fields ? { fields: input.fields } : {}),
  });
}

/**
 * UpdateStream: POST `Status=stopped` to the stream, addressed by SID (default) or by its `name`
 * (OPERATIONS.md: `{Sid}` may be the stream's name); 200 with the stopped stream.
 */
export function updateStream(
  input: { example: Stream; body: UpdateStreamBody; by?: "sid" | "name" } & ResponseChoice,
): TwilioInteraction {
  const { example } = input;
  return defineInteraction({
    operationId: "UpdateStream",
    description: input.description ?? "a request to stop a media stream",
    state: PROVIDER_STATES.streamExists,
    stateParams: { example },
    pathParams: {
      AccountSid: example.account_sid,
      CallSid: example.call_sid,
      Sid: (input.by === "name" ? example.name : example.sid) ?? "",
    },
    form: input.body,
    response: { kind: "stream", example },
    ...(input.fields ? { fields: input.fields } : {}),
  });
}
