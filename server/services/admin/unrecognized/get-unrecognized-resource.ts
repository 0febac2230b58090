import type { PrismaClient } from "../../../db";
import { AppError } from "../../../api/app-error";

const HISTORY_LIMIT = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One unrecognized object with its raw billing data and the runs that saw it (newest first), for the detail view. */
export async function getUnrecognizedResource(db: PrismaClient, id: string, now: Date = new Date()) {
  const row = await db.unrecognizedResource.findUnique({
    where: { id },
    include: {
      organization: { select: { id: true, name: true } },
      connection: { select: { id: true, name: true } },
      sightingHistory: { orderBy: [{ seenAt: "desc" }, { id: "desc" }], take: HISTORY_LIMIT, select: { id: true, syncRunId: true, seenAt: true, monthlyCost: true, currency: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "admin.errors.unrecognizedNotFound");
  const recorded = await db.unrecognizedResourceSighting.count({ where: { unrecognizedResourceId: id } });
  const last30Days = await db.unrecognizedResourceSighting.count({ where: { unrecognizedResourceId: id, seenAt: { gte: new Date(now.getTime() - 30 * DAY_MS) } } });
  const { sightingHistory, monthlyCost, ...rest } = row;
  return {
    ...rest,
    monthlyCost: monthlyCost?.toFixed(2) ?? null,
    frequency: { recorded, last30Days },
    history: sightingHistory.map((sighting) => ({ ...sighting, monthlyCost: sighting.monthlyCost?.toFixed(2) ?? null })),
  };
}
