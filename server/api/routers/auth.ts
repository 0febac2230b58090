import { z } from "zod";
import { env } from "../../env";
import { previewPasswordReset, resetPasswordWithToken } from "../../services/users/password-reset/reset-password-with-token";
import { signUpUser } from "../../services/users/sign-up-user";
import { emailInput, nameInput, passwordInput } from "../input-schemas";
import { createTRPCRouter, publicProcedure } from "../trpc";

const resetTokenInput = z.string().min(16).max(128);

export const authRouter = createTRPCRouter({
  /** Which sign-in methods the login page offers (Google only when configured). */
  methods: publicProcedure.query(() => ({ google: env().googleEnabled, demo: env().demoEnabled })),

  signUp: publicProcedure
    .input(z.object({ email: emailInput, password: passwordInput, name: nameInput, organizationName: z.string().trim().max(120, "validation.tooLong").optional() }))
    .mutation(({ ctx, input }) =>
      signUpUser(ctx.db, { impersonatorId: null, ip: ctx.ip, userAgent: ctx.userAgent }, { ...input, locale: ctx.locale }),
    ),

  /** The one-time link an admin hands out: check it, then set the new password (no session needed). */
  previewPasswordReset: publicProcedure.input(z.object({ token: resetTokenInput })).query(({ ctx, input }) => previewPasswordReset(ctx.db, input.token)),

  resetPassword: publicProcedure
    .input(z.object({ token: resetTokenInput, newPassword: passwordInput }))
    .mutation(({ ctx, input }) => resetPasswordWithToken(ctx.db, { impersonatorId: null, ip: ctx.ip, userAgent: ctx.userAgent }, input)),
});
