import { z } from "zod";
import { env } from "../../env";
import { signUpUser } from "../../services/users/sign-up-user";
import { emailInput, nameInput, passwordInput } from "../input-schemas";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  /** Which sign-in methods the login page offers (Google only when configured). */
  methods: publicProcedure.query(() => ({ google: env().googleEnabled, demo: env().demoEnabled })),

  signUp: publicProcedure
    .input(z.object({ email: emailInput, password: passwordInput, name: nameInput, organizationName: z.string().trim().max(120, "validation.tooLong").optional() }))
    .mutation(({ ctx, input }) =>
      signUpUser(ctx.db, { impersonatorId: null, ip: ctx.ip, userAgent: ctx.userAgent }, { ...input, locale: ctx.locale }),
    ),
});
