import { jsonText } from "./_json-text.js";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { matchOperation, OPERATIONS } from "../catalogue/operations.js";
import { validateRequest } from "../validate/request.js";
import {
  errorReply,
  internalError,
  invalidParameter,
  malformedRequest,
  methodNotAllowed,
  notFound,
  type Reply,
} from "./errors.js";
import { FAULTS_PATH, type FakeTwilioFaults, injectFault } from "./faults.js";
import { answer } from "./operation.js";
import { changeProviderState, PROVIDER_STATES_PATH } from "./state-change.js";
import type { FakeTwilioStore } from "./store.js";

/** A catalogue path template as a Fastify route: `{AccountSid}` → `:AccountSid`. */
const routeUrl = (template: string): string => template.replace(/\{(\w+)\}/g, ":$1");

/** The path of a request URL, without its query. */
const pathOf = (url: string): string => url.split("?")[0] ?? url;

/** Sends a reply: JSON under `Content-Type: application/json` (as our contracts pin it; a Buffer, so that Fastify adds no charset), or no body at all. */
function send(reply: FastifyReply, { status, body, text }: Reply): FastifyReply {
  reply.code(status);
  return body === undefined
    ? reply.send()
    : reply.header("content-type", "application/json").send(Buffer.from(text ?? jsonText(body)));
}

const isClientError = (error: FastifyError): boolean =>
  typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500;

const METHODS = [...new Set(OPERATIONS.map((op) => op.method))];

/**
 * The methods of the catalogued operations at a path whose placeholders are well formed, e.g.
 * `POST, GET` for a conference (`POST` for the provider-state endpoint); none for an unknown path or
 * a malformed SID (then it is a 404, as Twilio answers a malformed SID).
 */
function allowedMethods(path: string): string[] {
  if (path === PROVIDER_STATES_PATH) return ["POST"];
  if (path === FAULTS_PATH) return ["POST", "DELETE"];
  return METHODS.filter((method) => {
    const matched = matchOperation(method, path);
    const checked = matched && validateRequest(matched.operation.operationId, { path: matched.params });
    return checked !== undefined && (checked.ok || !checked.issues.some((issue) => issue.path.startsWith("/path/")));
  });
}

/** 404 for a path nothing answers; 405 (with `Allow`) for a catalogued path asked with another method, e.g. `PUT`. */
function unrouted(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = pathOf(request.url);
  const allowed = allowedMethods(path);
  if (allowed.length === 0 || allowed.includes(request.method)) return send(reply, errorReply(notFound(path)));
  return send(reply.header("allow", allowed.join(", ")), errorReply(methodNotAllowed()));
}

/**
 * Fastify's own refusals before routing: a path that does not decode (`%ZZ`) or a path segment over
 * its length limit is nothing Twilio has (404, 20404); anything else is unexpected (500, 20500).
 */
function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const malformedPath = error.code === "FST_ERR_BAD_URL" || error.code === "FST_ERR_MAX_PARAM_LENGTH";
  send(reply, errorReply(malformedPath ? notFound(pathOf(request.url)) : internalError()));
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (request line and headers over 16 KB,
 * a request too slow, bytes that are not HTTP), answered with a Twilio error body rather than
 * Fastify's own, then the connection closed.
 */
function clientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Invalid request: the request line and headers are too large"]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Invalid request: the request was not received in time"]
        : [400, "Invalid request: not a well-formed HTTP request"];
  const body = JSON.stringify(malformedRequest(status, message));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/**
 * The fake Twilio as a Fastify app, not yet listening: a route per catalogued operation (form
 * bodies through `@fastify/formbody`), Pact's state change endpoint at {@link PROVIDER_STATES_PATH},
 * Twilio's 404 (20404) for any other path or one that does not decode, 405 (20004) for a catalogued
 * path asked with another method, 400 (20001) for a body Fastify cannot parse (431 for headers too
 * large), and 500 (20500) for anything unexpected, never with the cause or a stack trace: every
 * error body is Twilio's `{ code, message, more_info, status }`. Fastify's logger is off.
 *
 * With `faults`, each catalogued operation first asks them (a status, latency or a dropped
 * connection), and {@link FAULTS_PATH} adds (`POST`) and clears (`DELETE`) them.
 *
 * @param store - the state every route reads and changes
 * @param faults - the faults to apply, when the app answers HTTP
 */
export async function createFakeTwilioApp(store: FakeTwilioStore, faults?: FakeTwilioFaults): Promise<FastifyInstance> {
  const app = Fastify({
    forceCloseConnections: true,
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  });
  await app.register(formbody);
  if (faults) {
    app.addHook("onRequest", async (request, reply) => {
      if (faults.size === 0) return;
      const matched = matchOperation(request.method, pathOf(request.url));
      const fault = matched && faults.take(matched.operation.operationId);
      if (!fault) return;
      if (fault.latencyMs > 0) await sleep(fault.latencyMs);
      if (fault.drop) {
        reply.hijack();
        request.raw.socket.destroy();
      } else if (fault.reply) return send(reply.headers(fault.reply.headers), fault.reply.reply);
    });
    app.post(FAULTS_PATH, async (request, reply) => send(reply, injectFault(faults, request.body)));
    app.delete(FAULTS_PATH, async (_request, reply) => {
      faults.clear();
      return send(reply, { status: 204, body: undefined });
    });
  }
  for (const operation of OPERATIONS) {
    app.route({
      method: operation.method,
      url: routeUrl(operation.path),
      handler: async (request, reply) =>
        send(
          reply,
          answer(store, operation, {
            params: request.params,
            query: request.query,
            body: request.body,
            authorization: request.headers.authorization,
            path: pathOf(request.url),
            contentType: request.headers["content-type"],
            unreadBody:
              request.body === undefined &&
              (Number(request.headers["content-length"] ?? 0) > 0 ||
                request.headers["transfer-encoding"] !== undefined),
          }),
        ),
    });
  }
  app.post(PROVIDER_STATES_PATH, async (request, reply) => send(reply, changeProviderState(store, request.body)));
  app.setNotFoundHandler(async (request, reply) => unrouted(request, reply));
  app.setErrorHandler(async (error: FastifyError, _request, reply) =>
    send(
      reply,
      errorReply(isClientError(error) ? invalidParameter(`Invalid request: ${error.message}`) : internalError()),
    ),
  );
  return app;
}
