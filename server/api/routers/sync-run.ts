import { z } from "zod";
import { getSyncRun } from "../../services/sync-runs/get-sync-run";
import { listSyncRunChanges } from "../../services/sync-runs/list-sync-run-changes";
import { listSyncRuns } from "../../services/sync-runs/list-sync-runs";
import { idInput } from "../input-schemas";
import { createTRPCRouter, orgProcedureWith } from "../trpc";

const pageInput = z.number().int().min(1).max(100_000).default(1);

export const syncRunRouter = createTRPCRouter({
  list: orgProcedureWith("view_costs")
    .input(z.object({ connectionId: idInput, page: pageInput, pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listSyncRuns(ctx.db, { ...input, organizationId: ctx.org.id })),

  get: orgProcedureWith("view_costs")
    .input(z.object({ id: idInput }))
    .query(({ ctx, input }) => getSyncRun(ctx.db, { organizationId: ctx.org.id, syncRunId: input.id })),

  changes: orgProcedureWith("view_costs")
    .input(
      z.object({
        syncRunId: idInput,
        change: z.enum(["created", "updated", "deleted", "unchanged"]).optional(),
        page: pageInput,
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listSyncRunChanges(ctx.db, { ...input, organizationId: ctx.org.id })),
});
