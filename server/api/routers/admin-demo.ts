import { z } from "zod";
import { getDemoStatus } from "../../services/admin/demo/get-demo-status";
import { reseedDemoAsAdmin } from "../../services/admin/demo/reseed-demo-as-admin";
import { adminProcedure, createTRPCRouter } from "../trpc";

/** The demo organization behind "Try the demo": its state, and a wipe-and-rebuild. */
export const adminDemoRouter = createTRPCRouter({
  status: adminProcedure("manage_resources").query(({ ctx }) => getDemoStatus(ctx.db)),
  // The explicit confirmation is part of the contract: a stray call must not wipe the demo.
  reseed: adminProcedure("manage_resources")
    .input(z.object({ confirm: z.literal(true) }))
    .mutation(({ ctx }) => reseedDemoAsAdmin(ctx.db, ctx.identity)),
});
