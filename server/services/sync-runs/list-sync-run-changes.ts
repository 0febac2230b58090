import type { PrismaClient } from "../../db";
import type { ResourceChange } from "../../db/generated/enums";
import { AppError } from "../../api/app-error";

export const CHANGE_ORDER: ResourceChange[] = ["created", "updated", "deleted", "unchanged"];

function diffOf(value: unknown): { field: string; before: unknown; after: unknown }[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([field, entry]) => {
    const pair = entry && typeof entry === "object" ? (entry as { before?: unknown; after?: unknown }) : {};
    return { field, before: pair.before ?? null, after: pair.after ?? null };
  });
}

/**
 * What a run did to each resource, grouped by change (created, updated, deleted, unchanged) with the resource's
 * name and the readable diff. Each group is paginated on its own; `change` asks for one group only.
 */
export async function listSyncRunChanges(db: PrismaClient, input: { organizationId: string; syncRunId: string; change?: ResourceChange; page: number; pageSize: number }) {
  const run = await db.syncRun.findFirst({ where: { id: input.syncRunId, organizationId: input.organizationId }, select: { id: true } });
  if (!run) throw new AppError("NOT_FOUND", "errors.notFound");
  const where = { syncRunId: run.id, organizationId: input.organizationId };
  const grouped = await db.resourceState.groupBy({ by: ["change"], where, _count: { _all: true } });
  const counts = Object.fromEntries(CHANGE_ORDER.map((change) => [change, grouped.find((group) => group.change === change)?._count._all ?? 0])) as Record<ResourceChange, number>;
  const wanted = input.change ? [input.change] : CHANGE_ORDER;
  const groups = await Promise.all(
    wanted.map(async (change) => {
      const states = await db.resourceState.findMany({
        where: { ...where, change },
        include: { resource: { select: { id: true, name: true, resourceType: true, providerResourceId: true, projectName: true, region: true, isActive: true } } },
        orderBy: [{ resource: { resourceType: "asc" } }, { resource: { name: "asc" } }, { id: "asc" }],
        skip: (input.page - 1) * input.pageSize,
        take: input.pageSize,
      });
      return {
        change,
        total: counts[change],
        items: states.map((state) => ({
          id: state.id,
          change: state.change,
          costChanged: state.costChanged,
          statusChanged: state.statusChanged,
          configChanged: state.configChanged,
          diff: diffOf(state.diff),
          resource: state.resource,
        })),
      };
    }),
  );
  return { syncRunId: run.id, counts, groups, page: input.page, pageSize: input.pageSize };
}
