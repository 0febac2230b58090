import { z } from "zod";
import { deleteUnrecognizedResource } from "../../services/admin/unrecognized/delete-unrecognized-resource";
import { getUnrecognizedResource } from "../../services/admin/unrecognized/get-unrecognized-resource";
import { listUnrecognizedFacets, listUnrecognizedResources } from "../../services/admin/unrecognized/list-unrecognized-resources";
import { resolveUnrecognizedResource } from "../../services/admin/unrecognized/resolve-unrecognized-resource";
import { listUnrecognizedInput } from "../../services/admin/unrecognized/unrecognized-filters";
import { idInput } from "../input-schemas";
import { adminProcedure, createTRPCRouter } from "../trpc";

const byId = z.object({ id: idInput });

/** Billing objects of unknown types across organizations: review, resolve with a note, or delete false positives. */
export const adminUnrecognizedRouter = createTRPCRouter({
  list: adminProcedure("manage_resources").input(listUnrecognizedInput).query(({ ctx, input }) => listUnrecognizedResources(ctx.db, input)),
  facets: adminProcedure("manage_resources").query(({ ctx }) => listUnrecognizedFacets(ctx.db)),
  get: adminProcedure("manage_resources").input(byId).query(({ ctx, input }) => getUnrecognizedResource(ctx.db, input.id)),
  resolve: adminProcedure("manage_resources")
    .input(byId.extend({ resolved: z.boolean(), note: z.string().max(2000, "validation.tooLong").optional() }))
    .mutation(({ ctx, input }) => resolveUnrecognizedResource(ctx.db, ctx.identity, input)),
  delete: adminProcedure("manage_resources").input(byId).mutation(({ ctx, input }) => deleteUnrecognizedResource(ctx.db, ctx.identity, input)),
});
