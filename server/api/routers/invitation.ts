import { z } from "zod";
import { acceptInvitation } from "../../services/invitations/accept-invitation";
import { createInvitation } from "../../services/invitations/create-invitation";
import { listOpenInvitations } from "../../services/invitations/list-invitations";
import { previewInvitation } from "../../services/invitations/preview-invitation";
import { revokeInvitation } from "../../services/invitations/revoke-invitation";
import { emailInput, idInput, orgRoleInput } from "../input-schemas";
import { createTRPCRouter, orgProcedureWith, protectedProcedure, publicProcedure } from "../trpc";

const tokenInput = z.string().min(16).max(128);

export const invitationRouter = createTRPCRouter({
  list: orgProcedureWith("manage_members").query(({ ctx }) => listOpenInvitations(ctx.db, ctx.org.id)),

  create: orgProcedureWith("manage_members")
    .input(z.object({ role: orgRoleInput, email: z.union([emailInput, z.literal("")]).optional() }))
    .mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.identity, { organizationId: ctx.org.id, actorRole: ctx.membership.role, role: input.role, email: input.email || null })),

  revoke: orgProcedureWith("manage_members")
    .input(z.object({ invitationId: idInput }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.identity, { organizationId: ctx.org.id, invitationId: input.invitationId })),

  preview: publicProcedure.input(z.object({ token: tokenInput })).query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),

  accept: protectedProcedure
    .input(z.object({ token: tokenInput }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.identity, { token: input.token, user: ctx.user })),
});
