// internal: the callback factory of each callback kind, for the CLI and the callback producer.
import type { CallbackKind } from "../../validate/callbacks.js";
import { callProgressFactory } from "./call-progress.js";
import { conferenceEventFactory } from "./conference-status.js";
import { recordingStatusFactory } from "./recording-status.js";
import { streamStatusFactory } from "./stream-status.js";

/** What the CLI and the producer use of a callback factory, whatever its kind: every value it builds is text. */
export interface AnyCallbackFactory {
  seed(seed: number): AnyCallbackFactory;
  /** @throws TestkitError `USAGE` for a trait the kind does not have */
  traits(...names: string[]): AnyCallbackFactory;
  /** @throws TestkitError `INVALID_OVERRIDE` when the overrides break the strict schema */
  build(overrides?: Readonly<Record<string, string>>): Record<string, string>;
}

/**
 * Each callback kind's factory (every one builds records of text values that pass its strict schema;
 * the cast only forgets the generated interfaces, which have no index signature).
 */
export const CALLBACK_FACTORIES_BY_KIND = {
  "conference-status": conferenceEventFactory,
  "call-progress": callProgressFactory,
  "recording-status": recordingStatusFactory,
  "stream-status": streamStatusFactory,
} as Readonly<Record<CallbackKind, unknown>> as Readonly<Record<CallbackKind, AnyCallbackFactory>>;

/**
 * The parameter that names a callback's event, by kind: what a consumer's callback contract pins
 * exactly (WEBHOOKS.md sections 2 to 5).
 */
export const CALLBACK_EVENT_FIELDS = {
  "conference-status": "StatusCallbackEvent",
  "call-progress": "CallStatus",
  "recording-status": "RecordingStatus",
  "stream-status": "StreamEvent",
} as const satisfies Record<CallbackKind, string>;
