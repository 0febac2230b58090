import { getDashboardSummary } from "../../services/dashboard/get-dashboard-summary";
import { createTRPCRouter, orgProcedureWith } from "../trpc";

export const dashboardRouter = createTRPCRouter({
  summary: orgProcedureWith("view_costs").query(({ ctx }) => getDashboardSummary(ctx.db, ctx.org.id)),
});
