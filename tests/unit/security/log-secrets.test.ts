import { Writable } from "node:stream";
import { HttpError } from "grammy";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { LOGGER_OPTIONS } from "@/server/logger";

const TOKEN = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

function captureLog(write: (log: pino.Logger) => void): string {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => done(void lines.push(chunk.toString())) });
  write(pino({ ...LOGGER_OPTIONS, level: "info" }, stream));
  return lines.join("");
}

describe("logs never carry a Telegram bot token", () => {
  it("scrubs the token from a failed Bot API call's nested client error, message and stack", () => {
    const fetchError = new Error(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed, reason: connect ECONNREFUSED`);
    const error = new HttpError("Network request for 'sendMessage' failed!", fetchError);
    const output = captureLog((log) => log.error({ err: error, chatId: 42 }, "could not send"));

    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    const entry = JSON.parse(output) as { err: { message: string; error: { message: string } }; chatId: number };
    expect(entry.err.message).toBe("Network request for 'sendMessage' failed!");
    expect(entry.err.error.message).toBe("request to https://api.telegram.org/bot[redacted]/sendMessage failed, reason: connect ECONNREFUSED");
    expect(entry.chatId).toBe(42);
  });

  it("keeps errors without secrets as they are", () => {
    const output = captureLog((log) => log.warn({ err: new TypeError("boom"), error: "plain" }, "x"));
    expect(JSON.parse(output)).toMatchObject({ err: { type: "TypeError", message: "boom" }, error: "plain" });
  });
});
