import type { OperationId } from "../../catalogue/operations.js";
import type { OperationHandlers } from "./context.js";
import { conferenceHandlers } from "./conferences.js";
import { participantHandlers } from "./participants.js";
import { streamHandlers } from "./streams.js";

/** A handler for every catalogued operation; the type makes a missing one a compile error. */
export const OPERATION_HANDLERS: OperationHandlers<OperationId> = {
  ...participantHandlers,
  ...conferenceHandlers,
  ...streamHandlers,
};
