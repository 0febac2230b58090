import { getSystemStatus } from "../../services/admin/system/get-system-status";
import { adminProcedure, createTRPCRouter } from "../trpc";

/** Read-only health of the platform for support staff. */
export const adminSystemRouter = createTRPCRouter({
  status: adminProcedure("view_all_data").query(({ ctx }) => getSystemStatus(ctx.db)),
});
