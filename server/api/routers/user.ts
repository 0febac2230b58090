import { z } from "zod";
import { changeUserPassword } from "../../services/users/change-user-password";
import { getCurrentUser } from "../../services/users/get-current-user";
import { updateUserProfile } from "../../services/users/update-user-profile";
import { currencyInput, localeInput, nameInput, passwordInput, timezoneInput } from "../input-schemas";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const userRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getCurrentUser(ctx.db, ctx.user, ctx.impersonation)),

  updateProfile: protectedProcedure
    .input(z.object({ name: nameInput, timezone: timezoneInput, currency: currencyInput, locale: localeInput }))
    .mutation(({ ctx, input }) => updateUserProfile(ctx.db, ctx.user.id, input)),

  changePassword: protectedProcedure
    .input(z.object({ currentPassword: passwordInput, newPassword: passwordInput }))
    .mutation(({ ctx, input }) => changeUserPassword(ctx.db, ctx.identity, { userId: ctx.user.id, ...input, mode: "change" })),

  /** For accounts created through Google, which have no password yet. */
  setPassword: protectedProcedure
    .input(z.object({ newPassword: passwordInput }))
    .mutation(({ ctx, input }) => changeUserPassword(ctx.db, ctx.identity, { userId: ctx.user.id, newPassword: input.newPassword, mode: "set" })),
});
