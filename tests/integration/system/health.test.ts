import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient } from "@/server/db/create-prisma-client";

type DbGlobal = { infrazenDb?: unknown };

describe("/api/health", () => {
  it("answers 200 with the version while the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { ok: true } });
    expect(typeof body.version).toBe("string");
  });

  it("answers 503 with the reason when the database is down", async () => {
    const global = globalThis as DbGlobal;
    const working = global.infrazenDb;
    // Nothing listens on port 1: this is what a stopped PostgreSQL looks like to the app.
    const down = createPrismaClient({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:1/infrazen" });
    global.infrazenDb = down;
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.status).toBe("unavailable");
      expect(body.database.ok).toBe(false);
      expect(body.database.error).toBeTruthy();
    } finally {
      global.infrazenDb = working;
      await down.close();
    }
  });
});
