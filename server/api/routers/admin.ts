import { z } from "zod";
import { PLATFORM_PERMISSIONS } from "../../auth/platform-permissions";
import { auditFiltersInput, listAuditInput } from "../../services/admin/audit/audit-filters";
import { listAuditLog, listAuditOrganizations } from "../../services/admin/audit/list-audit-log";
import { recordAuditEvent } from "../../services/audit/record-audit-event";
import { createUser } from "../../services/admin/users/create-user";
import { deleteUser } from "../../services/admin/users/delete-user";
import { issueUserPasswordReset } from "../../services/admin/users/issue-user-password-reset";
import { listUsers } from "../../services/admin/users/list-users";
import { setUserDisabled } from "../../services/admin/users/set-user-disabled";
import { setUserRole } from "../../services/admin/users/set-user-role";
import { updateUser } from "../../services/admin/users/update-user";
import { listUsersInput, PLATFORM_ROLES } from "../../services/admin/users/user-filters";
import { startImpersonation } from "../../services/impersonation/start-impersonation";
import { emailInput, idInput, nameInput } from "../input-schemas";
import { adminProcedure, createTRPCRouter } from "../trpc";
import { adminDemoRouter } from "./admin-demo";
import { adminProvidersRouter } from "./admin-providers";
import { adminSystemRouter } from "./admin-system";
import { adminUnrecognizedRouter } from "./admin-unrecognized";

const userId = z.object({ userId: idInput });

/** The platform admin area. Every procedure here goes through adminProcedure (see the permission matrix test). */
export const adminRouter = createTRPCRouter({
  users: createTRPCRouter({
    // Support staff who only act as users still need to find them.
    list: adminProcedure(["manage_users", "impersonate_users"]).input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, input)),

    create: adminProcedure("manage_users")
      .input(z.object({ email: emailInput, name: nameInput }))
      .mutation(({ ctx, input }) => createUser(ctx.db, ctx.identity, { actor: ctx.user, ...input })),

    update: adminProcedure("manage_users")
      .input(userId.extend({ email: emailInput, name: nameInput }))
      .mutation(({ ctx, input }) => updateUser(ctx.db, ctx.identity, { actor: ctx.user, ...input })),

    setDisabled: adminProcedure("manage_users")
      .input(userId.extend({ disabled: z.boolean() }))
      .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.identity, { actor: ctx.user, ...input })),

    delete: adminProcedure("manage_users").input(userId).mutation(({ ctx, input }) => deleteUser(ctx.db, ctx.identity, { actor: ctx.user, ...input })),

    /** Role and permissions together; the service admits super admins only. */
    setRole: adminProcedure("manage_users")
      .input(userId.extend({ role: z.enum(PLATFORM_ROLES), permissions: z.array(z.enum(PLATFORM_PERMISSIONS)).max(10) }))
      .mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.identity, { actor: ctx.user, ...input })),

    resetPassword: adminProcedure("manage_users").input(userId).mutation(({ ctx, input }) => issueUserPasswordReset(ctx.db, ctx.identity, { actor: ctx.user, ...input })),
  }),

  impersonation: createTRPCRouter({
    start: adminProcedure("impersonate_users")
      .input(userId.extend({ reason: z.string().trim().min(3, "admin.errors.reasonRequired").max(500, "validation.tooLong") }))
      .mutation(({ ctx, input }) => startImpersonation(ctx.db, ctx.identity, { admin: ctx.user, targetId: input.userId, reason: input.reason })),
  }),

  audit: createTRPCRouter({
    list: adminProcedure("view_all_data").input(listAuditInput).query(({ ctx, input }) => listAuditLog(ctx.db, input)),
    organizations: adminProcedure("view_all_data").query(({ ctx }) => listAuditOrganizations(ctx.db)),
    /**
     * Authorizes a CSV export and records it (who exported which slice of the log); the route handler
     * /api/admin/audit-export calls this, then streams the rows for the returned filters.
     */
    startExport: adminProcedure("view_all_data")
      .input(auditFiltersInput)
      .mutation(async ({ ctx, input }) => {
        await recordAuditEvent(ctx.db, ctx.identity, { action: "admin.audit.export", metadata: { filters: input } });
        return input;
      }),
  }),

  demo: adminDemoRouter,
  providers: adminProvidersRouter,
  system: adminSystemRouter,
  unrecognized: adminUnrecognizedRouter,
});
