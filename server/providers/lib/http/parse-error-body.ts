/**
 * Pulls the human message out of the error envelopes our providers use:
 * Keystone `{"error":{"message"}}`, Nova/Cinder `{"itemNotFound":{"message"}}`, Neutron `{"NeutronError":{"message"}}`,
 * VirtFusion `{"errors":[…]}` / `{"msg"}`, Beget `{"status":"error","error_text"}`, Gnocchi `{"code","description":{"cause"}|"…","title"}`,
 * and plain `{"message"|"detail"}`.
 */
export function parseErrorBody(text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const trimmed = text.trim();
    return trimmed && trimmed.length <= 300 && !trimmed.startsWith("<") ? trimmed : null;
  }
  return messageOf(body);
}

function messageOf(body: unknown): string | null {
  if (typeof body === "string") return body || null;
  if (!body || typeof body !== "object") return null;
  const record = body as Record<string, unknown>;
  for (const key of ["message", "error_text", "msg", "detail", "error_description", "description", "cause"]) {
    if (typeof record[key] === "string" && record[key]) return record[key] as string;
  }
  if (Array.isArray(record.errors) && record.errors.length) {
    return record.errors.map((item) => messageOf(item) ?? JSON.stringify(item)).join("; ");
  }
  if (record.error && typeof record.error === "object") return messageOf(record.error);
  if (record.description && typeof record.description === "object") return messageOf(record.description);
  if (typeof record.error === "string") return record.error;
  const keys = Object.keys(record);
  if (keys.length === 1 && record[keys[0]!] && typeof record[keys[0]!] === "object") return messageOf(record[keys[0]!]);
  return null;
}
