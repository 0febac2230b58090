import { randomUUID } from "node:crypto";
import { db, Prisma } from "../../db";
import { chunks } from "./to-json";

export interface MetricRow {
  resourceId: string;
  metric: string;
  unit: string;
  timestamp: Date;
  value: number;
}

const BATCH = 1000;

/**
 * Upserts on the (resourceId, metric, timestamp) key: a new hour is inserted, an hour written before (a retried
 * step, a re-read window) is updated only when its value differs. Returns the rows inserted or changed.
 */
export async function persistResourceMetrics(organizationId: string, rows: MetricRow[]): Promise<number> {
  let written = 0;
  for (const batch of chunks(rows, BATCH)) {
    const values = batch.map((row) => Prisma.sql`(${randomUUID()}, ${organizationId}, ${row.resourceId}, ${row.metric}, ${row.unit}, ${row.timestamp}::timestamp, ${row.value.toFixed(6)}::numeric)`);
    written += await db.$executeRaw`
      INSERT INTO "ResourceMetric" ("id", "organizationId", "resourceId", "metric", "unit", "timestamp", "value")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("resourceId", "metric", "timestamp") DO UPDATE SET "value" = EXCLUDED."value", "unit" = EXCLUDED."unit"
      WHERE "ResourceMetric"."value" IS DISTINCT FROM EXCLUDED."value" OR "ResourceMetric"."unit" IS DISTINCT FROM EXCLUDED."unit"`;
  }
  return written;
}
