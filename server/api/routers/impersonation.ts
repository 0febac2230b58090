import { endImpersonation } from "../../services/impersonation/end-impersonation";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** What the banner needs and how to leave. Deliberately not an admin procedure: it must work while acting as someone. */
export const impersonationRouter = createTRPCRouter({
  stop: protectedProcedure.mutation(async ({ ctx }) => {
    if (!ctx.impersonation) return { stopped: false };
    const { id, admin } = ctx.impersonation;
    await endImpersonation(ctx.db, ctx.identity, { id, adminId: admin.id, targetId: ctx.user.id }, "stopped");
    return { stopped: true };
  }),
});
