import { z } from "zod";
import { loadProviderCatalog } from "../../services/provider-catalog/load-provider-catalog";
import { updateProviderSetting } from "../../services/provider-catalog/update-provider-setting";
import { adminProcedure, createTRPCRouter } from "../trpc";

/** The provider catalog: which provider types organizations may connect, in what order, syncing how often by default. */
export const adminProvidersRouter = createTRPCRouter({
  list: adminProcedure("manage_providers").query(({ ctx }) => loadProviderCatalog(ctx.db)),
  update: adminProcedure("manage_providers")
    .input(
      z.object({
        providerId: z.string().min(1).max(64),
        enabled: z.boolean(),
        displayOrder: z.number().int("admin.errors.displayOrder").min(0, "admin.errors.displayOrder").max(10_000, "admin.errors.displayOrder"),
        // The same bounds as a connection's own interval.
        defaultSyncIntervalMinutes: z.number().int("connections.errors.interval").min(15, "connections.errors.interval").max(10_080, "connections.errors.interval"),
      }),
    )
    .mutation(({ ctx, input }) => updateProviderSetting(ctx.db, ctx.identity, { actorId: ctx.user.id, ...input })),
});
