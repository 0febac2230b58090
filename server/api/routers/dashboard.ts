import { dashboardOverviewInput } from "../../services/costs/cost-query-contract";
import { exportDashboardCsv } from "../../services/dashboard/export-dashboard-csv";
import { getDashboardOverview } from "../../services/dashboard/get-dashboard-overview";
import { getDashboardSummary } from "../../services/dashboard/get-dashboard-summary";
import { createTRPCRouter, orgProcedureWith } from "../trpc";
import { costClockOf } from "../../services/costs/cost-clock";

export const dashboardRouter = createTRPCRouter({
  summary: orgProcedureWith("view_costs").query(({ ctx }) => getDashboardSummary(ctx.db, ctx.org.id)),

  overview: orgProcedureWith("view_costs")
    .input(dashboardOverviewInput)
    .query(({ ctx, input }) => getDashboardOverview(ctx.db, ctx.org.id, input, costClockOf(ctx.user))),

  exportCsv: orgProcedureWith("view_costs")
    .input(dashboardOverviewInput)
    .query(({ ctx, input }) => exportDashboardCsv(ctx.db, ctx.org.id, input, costClockOf(ctx.user), ctx.locale)),
});
