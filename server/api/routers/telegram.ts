import { z } from "zod";
import { orgRoleCan } from "../../auth/org-permissions";
import { createTelegramLinkCode } from "../../services/telegram/create-telegram-link-code";
import { describeTelegramBot } from "../../services/telegram/describe-telegram-bot";
import { listTelegramLinks } from "../../services/telegram/list-telegram-links";
import { unlinkTelegramChat } from "../../services/telegram/unlink-telegram-chat";
import { idInput } from "../input-schemas";
import { createTRPCRouter, orgProcedure } from "../trpc";

const filterIds = z.array(idInput).max(100).default([]);

export const telegramRouter = createTRPCRouter({
  status: orgProcedure.query(() => describeTelegramBot()),

  // Any member links their own chat; the service requires manage_organization for group codes.
  createLinkCode: orgProcedure
    .input(z.object({ purpose: z.enum(["user", "group"]), connectionIds: filterIds, projectIds: filterIds }))
    .mutation(({ ctx, input }) =>
      createTelegramLinkCode(ctx.db, { organizationId: ctx.org.id, userId: ctx.user.id, role: ctx.membership.role, impersonating: Boolean(ctx.impersonation), ...input }),
    ),

  links: orgProcedure.query(async ({ ctx }) => ({
    ...(await listTelegramLinks(ctx.db, { organizationId: ctx.org.id, userId: ctx.user.id })),
    canManageGroups: orgRoleCan(ctx.membership.role, "manage_organization"),
  })),

  unlink: orgProcedure
    .input(z.object({ chatId: idInput }))
    .mutation(({ ctx, input }) =>
      unlinkTelegramChat(ctx.db, ctx.identity, { organizationId: ctx.org.id, userId: ctx.user.id, chatId: input.chatId, canManageOrganization: orgRoleCan(ctx.membership.role, "manage_organization") }),
    ),
});
