import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/inngest/route";
import { functions } from "@/inngest";
import { parseEnv, resolveSyncMode } from "@/server/env";
import { db } from "@/server/db";
import { createSelectelConnection, engineFor, queueRun, resetBetweenTests } from "./inngest-harness";
import { selectelSeedScenario } from "@/server/sandbox/scenarios/selectel-seed";

resetBetweenTests();
afterEach(() => {
  delete process.env.INNGEST_DEV;
});

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "infrazen-env-"));

describe("sync mode", () => {
  it("is embedded unless INNGEST_DEV or an Inngest key is set", () => {
    expect(resolveSyncMode({})).toBe("embedded");
    expect(resolveSyncMode({ INNGEST_DEV: "0", INNGEST_EVENT_KEY: "" })).toBe("embedded");
    expect(resolveSyncMode({ INNGEST_DEV: "1" })).toBe("inngest");
    expect(resolveSyncMode({ INNGEST_DEV: "http://localhost:8288" })).toBe("inngest");
    expect(resolveSyncMode({ INNGEST_EVENT_KEY: "key", INNGEST_SIGNING_KEY: "signkey-prod-123" })).toBe("inngest");
  });

  it("validates the Inngest variables and runs the embedded timer only in embedded mode", () => {
    expect(() => parseEnv({ DATA_DIR: dataDir(), INNGEST_EVENT_KEY: "key" })).toThrow(/INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY must be set together/);
    expect(parseEnv({ DATA_DIR: dataDir() })).toMatchObject({ syncMode: "embedded", syncSchedulerEnabled: true });
    expect(parseEnv({ DATA_DIR: dataDir(), SYNC_SCHEDULER: "false" })).toMatchObject({ syncMode: "embedded", syncSchedulerEnabled: false });
    expect(parseEnv({ DATA_DIR: dataDir(), INNGEST_DEV: "1" })).toMatchObject({ syncMode: "inngest", syncSchedulerEnabled: false });
    expect(() => parseEnv({ DATA_DIR: dataDir(), INNGEST_BASE_URL: "not a url" })).toThrow(/INNGEST_BASE_URL/);
  });
});

describe("/api/inngest", () => {
  it("serves the functions with Inngest configured, and answers 404 in the embedded mode", async () => {
    expect(functions.map((fn) => fn.id())).toEqual(["sync-connection", "schedule-due-syncs", "deliver-telegram-message", "watch-sync-progress", "alert-on-sync-outcome", "send-weekly-digests", "send-weekly-digest"]);
    const request = () => new Request("http://127.0.0.1:3000/api/inngest") as Parameters<typeof GET>[0];
    const embedded = await GET(request(), {});
    expect(embedded.status).toBe(404);
    expect(((await embedded.json()) as { error: string }).error).toMatch(/not configured/);
    expect((await PUT(new Request("http://127.0.0.1:3000/api/inngest", { method: "PUT" }) as Parameters<typeof PUT>[0], {})).status).toBe(404);

    process.env.INNGEST_DEV = "1";
    const dev = await GET(request(), {});
    expect(dev.status).toBe(200);
    // Each onFailure handler is served as a function of its own.
    expect(await dev.json()).toMatchObject({ mode: "dev", function_count: 9 });
  });
});

describe("sync-connection for a connection deleted while its request waited", () => {
  it("fails at once as non-retriable, without touching anything", async () => {
    const connection = await createSelectelConnection(selectelSeedScenario, {}, { accountId: "123456", serviceUserName: "svc", serviceUserPassword: "x" });
    const data = await queueRun(connection);
    await db.cloudConnection.delete({ where: { id: connection.id } });
    const { error, ctx } = await engineFor(data).execute();
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining("no longer exists") });
    expect(ctx.step.run).not.toHaveBeenCalled();
  });
});
