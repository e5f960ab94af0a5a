import formbody from "@fastify/formbody";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import { OPERATIONS } from "../catalogue/operations.js";
import { errorReply, internalError, invalidParameter, notFound, type Reply } from "./errors.js";
import { answer } from "./operation.js";
import { changeProviderState, PROVIDER_STATES_PATH } from "./state-change.js";
import type { FakeTwilioStore } from "./store.js";

/** A catalogue path template as a Fastify route: `{AccountSid}` → `:AccountSid`. */
const routeUrl = (template: string): string => template.replace(/\{(\w+)\}/g, ":$1");

/** The path of a request URL, without its query. */
const pathOf = (url: string): string => url.split("?")[0] ?? url;

/** Sends a reply: JSON under `Content-Type: application/json` (as our contracts pin it; a Buffer, so that Fastify adds no charset), or no body at all. */
function send(reply: FastifyReply, { status, body }: Reply): FastifyReply {
  reply.code(status);
  return body === undefined ? reply.send() : reply.header("content-type", "application/json").send(Buffer.from(JSON.stringify(body)));
}

const isClientError = (error: FastifyError): boolean => typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500;

/**
 * The fake Twilio as a Fastify app, not yet listening: a route per catalogued operation (form
 * bodies through `@fastify/formbody`), Pact's state change endpoint at {@link PROVIDER_STATES_PATH},
 * Twilio's 404 (20404) for any other path, 400 (20001) for a body Fastify cannot parse, and 500
 * (20500) for anything unexpected, never with the cause or a stack trace. Fastify's logger is off.
 *
 * @param store - the state every route reads and changes
 */
export async function createFakeTwilioApp(store: FakeTwilioStore): Promise<FastifyInstance> {
  const app = Fastify({ forceCloseConnections: true });
  await app.register(formbody);
  for (const operation of OPERATIONS) {
    app.route({
      method: operation.method,
      url: routeUrl(operation.path),
      handler: async (request, reply) =>
        send(reply, answer(store, operation, { params: request.params, query: request.query, body: request.body, authorization: request.headers.authorization, path: pathOf(request.url) })),
    });
  }
  app.post(PROVIDER_STATES_PATH, async (request, reply) => send(reply, changeProviderState(store, request.body)));
  app.setNotFoundHandler(async (request, reply) => send(reply, errorReply(notFound(pathOf(request.url)))));
  app.setErrorHandler(async (error: FastifyError, _request, reply) =>
    send(reply, errorReply(isClientError(error) ? invalidParameter(`Invalid request: ${error.message}`) : internalError())),
  );
  return app;
}
