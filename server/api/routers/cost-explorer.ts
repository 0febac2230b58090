import { costExplorerCsvInput, costExplorerInput, monthForecastInput } from "../../services/costs/cost-query-contract";
import { exportCostExplorerCsv } from "../../services/costs/export-cost-explorer-csv";
import { listCostExplorerOptions } from "../../services/costs/list-cost-explorer-options";
import { queryCostExplorer } from "../../services/costs/query-cost-explorer";
import { queryMonthForecast } from "../../services/costs/query-month-forecast";
import { createTRPCRouter, orgProcedureWith } from "../trpc";
import { costClockOf } from "../../services/costs/cost-clock";

export const costExplorerRouter = createTRPCRouter({
  query: orgProcedureWith("view_costs")
    .input(costExplorerInput)
    .query(({ ctx, input }) => queryCostExplorer(ctx.db, ctx.org.id, input, costClockOf(ctx.user))),

  exportCsv: orgProcedureWith("view_costs")
    .input(costExplorerCsvInput)
    .query(({ ctx, input }) => exportCostExplorerCsv(ctx.db, ctx.org.id, input, costClockOf(ctx.user), ctx.locale)),

  /** Month to date and the month-end forecast within filters (the bot's /forecast and the weekly digest). */
  monthForecast: orgProcedureWith("view_costs")
    .input(monthForecastInput)
    .query(({ ctx, input }) => queryMonthForecast(ctx.db, ctx.org.id, input, costClockOf(ctx.user))),

  options: orgProcedureWith("view_costs").query(({ ctx }) => listCostExplorerOptions(ctx.db, ctx.org.id)),
});
