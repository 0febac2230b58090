import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Prisma, PrismaClient } from "../../db";

type Client = PrismaClient | Prisma.TransactionClient;

/** An in-process runner's lease: short, renewed every third of it while the sync runs. */
export const EMBEDDED_LEASE_TTL_MS = 60_000;
/** A lease taken for an Inngest run: covers the wait in Inngest's queue; every step renews it. */
export const INNGEST_LEASE_TTL_MS = 30 * 60_000;

export interface SyncLease {
  connectionId: string;
  owner: string;
  syncRunId: string | null;
  expiresAt: Date;
}

/** A fresh owner token: which process holds the lease (for people reading the table), unique per acquisition. */
export function newLeaseOwner(kind: "process" | "inngest" = "process"): string {
  return kind === "inngest" ? `inngest:${randomUUID()}` : `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Takes the connection's sync lease if it is free or expired, in one statement: INSERT … ON CONFLICT DO UPDATE …
 * WHERE expired. Of two processes racing for it exactly one gets a row back (PostgreSQL re-checks the WHERE on
 * the row the winner wrote). Expiry uses the database's clock, so hosts with skewed clocks agree.
 */
export async function acquireSyncLease(client: Client, input: { connectionId: string; owner: string; syncRunId?: string | null; ttlMs: number }): Promise<SyncLease | null> {
  const seconds = input.ttlMs / 1000;
  const rows = await client.$queryRaw<SyncLease[]>`
    INSERT INTO "SyncLease" ("connectionId", "owner", "syncRunId", "acquiredAt", "expiresAt")
    VALUES (${input.connectionId}, ${input.owner}, ${input.syncRunId ?? null}, timezone('UTC', now()), timezone('UTC', now()) + make_interval(secs => ${seconds}::float8))
    ON CONFLICT ("connectionId") DO UPDATE
      SET "owner" = EXCLUDED."owner", "syncRunId" = EXCLUDED."syncRunId", "acquiredAt" = EXCLUDED."acquiredAt", "expiresAt" = EXCLUDED."expiresAt"
      WHERE "SyncLease"."expiresAt" <= timezone('UTC', now())
    RETURNING "connectionId", "owner", "syncRunId", "expiresAt"`;
  return rows[0] ?? null;
}

/** Extends the lease if `owner` still holds it (by owner token, or by run for Inngest runs); false when lost. */
export async function renewSyncLease(client: Client, input: { connectionId: string; ttlMs: number } & ({ owner: string } | { syncRunId: string })): Promise<boolean> {
  const seconds = input.ttlMs / 1000;
  const count =
    "owner" in input
      ? await client.$executeRaw`
          UPDATE "SyncLease" SET "expiresAt" = timezone('UTC', now()) + make_interval(secs => ${seconds}::float8)
          WHERE "connectionId" = ${input.connectionId} AND "owner" = ${input.owner}`
      : await client.$executeRaw`
          UPDATE "SyncLease" SET "expiresAt" = timezone('UTC', now()) + make_interval(secs => ${seconds}::float8)
          WHERE "connectionId" = ${input.connectionId} AND "syncRunId" = ${input.syncRunId}`;
  return count > 0;
}

/** Records which run the lease is for (the run is created right after the lease is taken). */
export async function attachRunToLease(client: Client, input: { connectionId: string; owner: string; syncRunId: string }): Promise<void> {
  await client.syncLease.updateMany({ where: { connectionId: input.connectionId, owner: input.owner }, data: { syncRunId: input.syncRunId } });
}

/** Gives the lease back, only if still held by that owner (or for that run). */
export async function releaseSyncLease(client: Client, input: { connectionId: string } & ({ owner: string } | { syncRunId: string })): Promise<void> {
  await client.syncLease.deleteMany({ where: { connectionId: input.connectionId, ...("owner" in input ? { owner: input.owner } : { syncRunId: input.syncRunId }) } });
}

/** The lease row with whether it is still live by the database's clock; null when nobody ever took it. */
export async function readSyncLease(client: Client, connectionId: string): Promise<(SyncLease & { live: boolean }) | null> {
  const rows = await client.$queryRaw<(SyncLease & { live: boolean })[]>`
    SELECT "connectionId", "owner", "syncRunId", "expiresAt", "expiresAt" > timezone('UTC', now()) AS "live"
    FROM "SyncLease" WHERE "connectionId" = ${connectionId}`;
  return rows[0] ?? null;
}

export const INTERRUPTED_RUN_ERROR = "Interrupted: the process running this sync stopped before it finished.";

/**
 * Whoever takes a free lease closes the connection's runs still marked queued or running (but `exceptRunId`):
 * their runner died, or its lease would still be live.
 */
export async function closeInterruptedRuns(client: Client, connectionId: string, exceptRunId?: string): Promise<number> {
  const { count } = await client.syncRun.updateMany({
    where: { connectionId, status: { in: ["queued", "running"] }, ...(exceptRunId ? { id: { not: exceptRunId } } : {}) },
    data: { status: "error", error: INTERRUPTED_RUN_ERROR, currentPhase: null, finishedAt: new Date() },
  });
  // Their staging rows too (a finished run deletes its own).
  if (count > 0) await client.syncArtifact.deleteMany({ where: { syncRun: { connectionId, status: "error", error: INTERRUPTED_RUN_ERROR } } });
  return count;
}
