import { z } from "zod";
import { changeMemberRole } from "../../services/memberships/change-member-role";
import { listMembers } from "../../services/memberships/list-members";
import { removeMember } from "../../services/memberships/remove-member";
import { transferOwnership } from "../../services/memberships/transfer-ownership";
import { createOrganization } from "../../services/organizations/create-organization";
import { listUserOrganizations } from "../../services/organizations/list-user-organizations";
import { renameOrganization } from "../../services/organizations/rename-organization";
import { switchActiveOrganization } from "../../services/organizations/switch-active-organization";
import { idInput, nameInput, orgRoleInput } from "../input-schemas";
import { createTRPCRouter, orgProcedure, orgProcedureWith, protectedProcedure } from "../trpc";

export const organizationRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listUserOrganizations(ctx.db, ctx.user.id)),

  current: orgProcedure.query(({ ctx }) => ({ id: ctx.org.id, name: ctx.org.name, role: ctx.membership.role, isDemo: ctx.org.isDemo })),

  create: protectedProcedure
    .input(z.object({ name: nameInput }))
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => createOrganization(tx, ctx.identity, { name: input.name, ownerId: ctx.user.id }))),

  switch: protectedProcedure
    .input(z.object({ organizationId: idInput }))
    .mutation(({ ctx, input }) => switchActiveOrganization(ctx.db, ctx.user.id, input.organizationId)),

  rename: orgProcedureWith("manage_organization")
    .input(z.object({ name: nameInput }))
    .mutation(({ ctx, input }) => renameOrganization(ctx.db, ctx.identity, ctx.org.id, input.name)),

  members: orgProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.org.id)),

  changeMemberRole: orgProcedureWith("manage_members")
    .input(z.object({ membershipId: idInput, role: orgRoleInput }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.identity, { organizationId: ctx.org.id, actorRole: ctx.membership.role, ...input })),

  removeMember: orgProcedureWith("manage_members")
    .input(z.object({ membershipId: idInput }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.identity, { organizationId: ctx.org.id, actorRole: ctx.membership.role, ...input })),

  /** The owner hands the organization to another member and becomes an admin. */
  transferOwnership: orgProcedureWith("transfer_ownership")
    .input(z.object({ membershipId: idInput }))
    .mutation(({ ctx, input }) => transferOwnership(ctx.db, ctx.identity, { organizationId: ctx.org.id, fromUserId: ctx.user.id, membershipId: input.membershipId })),
});
