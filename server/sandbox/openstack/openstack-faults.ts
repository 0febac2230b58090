import { json } from "../http/sandbox-handler";

/** Nova and Cinder name their faults after the status (nova/api/openstack/wsgi.py `_FAULT_NAMES`). */
const FAULT_NAMES: Record<number, string> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "itemNotFound",
  405: "badMethod",
  409: "conflictingRequest",
  413: "overLimit",
  415: "badMediaType",
  429: "overLimit",
  501: "notImplemented",
  503: "serviceUnavailable",
};

const NEUTRON_TYPES: Record<number, string> = {
  400: "HTTPBadRequest",
  401: "HTTPUnauthorized",
  403: "HTTPForbidden",
  404: "HTTPNotFound",
  409: "HTTPConflict",
};

const KEYSTONE_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
};

export const AUTH_REQUIRED = "The request you have made requires authentication.";

/** `{"itemNotFound":{"code":404,"message":"…"}}`, the envelope of Nova and Cinder. */
export function computeFault(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json({ [FAULT_NAMES[status] ?? "computeFault"]: { code: status, message } }, status, headers);
}

/** `{"NeutronError":{"type","message","detail"}}`. */
export function neutronFault(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json({ NeutronError: { type: NEUTRON_TYPES[status] ?? "HTTPError", message, detail: "" } }, status, headers);
}

/** `{"error":{"code","title","message"}}`, Keystone's envelope. */
export function keystoneError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json({ error: { code: status, title: KEYSTONE_TITLES[status] ?? "Error", message } }, status, headers);
}

const GNOCCHI_TITLES: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found" };

/** Gnocchi's (pecan's) envelope: `{"code":400,"description":"…"|{"cause","detail"},"title":"Bad Request"}`. */
export function gnocchiError(status: number, description: string | { cause: string; detail?: unknown }): Response {
  return json({ code: status, description, title: GNOCCHI_TITLES[status] ?? "Error" }, status);
}
