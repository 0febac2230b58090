import { z } from "zod";
import { getResource } from "../../services/resources/get-resource";
import { getResourceUsage, USAGE_RANGES } from "../../services/resources/get-resource-usage";
import { listResources, RESOURCE_FLAGS } from "../../services/resources/list-resources";
import { summarizeResources } from "../../services/resources/summarize-resources";
import { idInput } from "../input-schemas";
import { createTRPCRouter, orgProcedureWith } from "../trpc";

const filterValue = z.string().trim().max(200, "validation.tooLong").optional();

export const resourceFiltersInput = z.object({
  connectionId: idInput.optional(),
  provider: filterValue,
  type: filterValue,
  status: filterValue,
  region: filterValue,
  project: filterValue,
  flag: z.enum(RESOURCE_FLAGS).optional(),
  search: filterValue,
});

export const resourceRouter = createTRPCRouter({
  summary: orgProcedureWith("view_costs").query(({ ctx }) => summarizeResources(ctx.db, ctx.org.id)),

  list: orgProcedureWith("view_costs")
    .input(resourceFiltersInput.extend({ page: z.number().int().min(1).max(10_000).default(1), pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => {
      const { page, pageSize, ...filters } = input;
      const clean = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== "")) as typeof filters;
      return listResources(ctx.db, ctx.org.id, clean, { page, pageSize });
    }),

  get: orgProcedureWith("view_costs")
    .input(z.object({ id: idInput }))
    .query(({ ctx, input }) => getResource(ctx.db, ctx.org.id, input.id)),

  /** Hourly CPU and memory percent of one resource over 24 h, 7 or 30 days. */
  usage: orgProcedureWith("view_costs")
    .input(z.object({ id: idInput, range: z.enum(USAGE_RANGES).default("7d") }))
    .query(({ ctx, input }) => getResourceUsage(ctx.db, ctx.org.id, input.id, input.range)),
});
