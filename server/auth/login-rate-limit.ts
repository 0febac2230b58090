import type { PrismaClient } from "../db";

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in the database, so every server process shares it. One statement does the
 * read-increment-reset, which keeps concurrent attempts from slipping through.
 */
export async function consumeRateLimit(db: PrismaClient, key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitDecision> {
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${now}::timestamp - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${now}::timestamp - make_interval(secs => ${windowSeconds}) THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0];
  if (!row || row.count <= limit) return { allowed: true, retryAfterSeconds: 0 };
  const retryAt = new Date(row.windowStart).getTime() + windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

export async function resetRateLimit(db: PrismaClient, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
