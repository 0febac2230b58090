import http from "node:http";
import type { AddressInfo } from "node:net";
import type { UserFromGetMe } from "grammy/types";

/**
 * A Bot API server on loopback that speaks Telegram's wire format (`POST /bot<token>/<method>`, JSON or form body,
 * `{ ok, result }` / `{ ok: false, error_code, description, parameters }`). It records every call, numbers sent
 * messages per chat, and can fail the next calls of a method (e.g. 429 with retry_after).
 */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** What the fake answered (`result`), or null for a failure it was told to return. */
  result: unknown;
}

export interface FakeFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface FakeBotApi {
  apiRoot: string;
  token: string;
  botInfo: UserFromGetMe;
  calls: RecordedCall[];
  callsOf(method: string): Record<string, unknown>[];
  /** Texts sent (sendMessage) and edited (editMessageText) to one chat, in order. */
  textsTo(chatId: number | string): string[];
  failNext(method: string, failure: FakeFailure, times?: number): void;
  /** What getChatMember answers for this user in this chat (default "member"). */
  setChatMemberStatus(chatId: number, userId: number, status: ChatMemberStatus): void;
  reset(): void;
  close(): Promise<void>;
}

export type ChatMemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

export const FAKE_BOT_TOKEN = "123456:TEST-fake-token";

export async function startFakeBotApi(): Promise<FakeBotApi> {
  const botInfo: UserFromGetMe = {
    id: 123456,
    is_bot: true,
    first_name: "InfraZen",
    username: "infrazen_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
  const calls: RecordedCall[] = [];
  const failures = new Map<string, { failure: FakeFailure; times: number }>();
  let nextMessageId = 1000;
  const memberStatuses = new Map<string, ChatMemberStatus>();

  const answer = (method: string, payload: Record<string, unknown>): unknown => {
    const chat = { id: Number(payload.chat_id), type: Number(payload.chat_id) < 0 ? "supergroup" : "private" };
    switch (method) {
      case "getMe":
        return botInfo;
      case "sendMessage":
        nextMessageId += 1;
        return { message_id: nextMessageId, date: Math.floor(Date.now() / 1000), chat, text: payload.text };
      case "getChatMember":
        return {
          status: memberStatuses.get(`${String(payload.chat_id)}:${String(payload.user_id)}`) ?? "member",
          user: { id: Number(payload.user_id), is_bot: false, first_name: "Test" },
        };
      case "editMessageText":
        return { message_id: Number(payload.message_id), date: Math.floor(Date.now() / 1000), chat, text: payload.text };
      default:
        return true;
    }
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (!match || match[1] !== FAKE_BOT_TOKEN) return send(404, { ok: false, error_code: 404, description: "Not Found" });
      const method = match[2]!;
      const raw = Buffer.concat(chunks).toString("utf8");
      let payload: Record<string, unknown> = {};
      if (raw) {
        const type = request.headers["content-type"] ?? "";
        payload = type.includes("json") ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
      }
      const call: RecordedCall = { method, payload, at: Date.now(), result: null };
      calls.push(call);
      const failure = failures.get(method);
      if (failure && failure.times > 0) {
        failure.times -= 1;
        return send(failure.failure.error_code, { ok: false, ...failure.failure });
      }
      call.result = answer(method, payload);
      send(200, { ok: true, result: call.result });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token: FAKE_BOT_TOKEN,
    botInfo,
    calls,
    callsOf: (method) => calls.filter((call) => call.method === method).map((call) => call.payload),
    textsTo: (chatId) =>
      calls
        .filter((call) => (call.method === "sendMessage" || call.method === "editMessageText") && String(call.payload.chat_id) === String(chatId))
        .map((call) => String(call.payload.text)),
    failNext: (method, failure, times = 1) => failures.set(method, { failure, times }),
    setChatMemberStatus: (chatId, userId, status) => memberStatuses.set(`${chatId}:${userId}`, status),
    reset: () => {
      calls.length = 0;
      failures.clear();
      memberStatuses.clear();
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
