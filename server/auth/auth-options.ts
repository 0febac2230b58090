import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { db } from "../db";
import { env } from "../env";
import { childLogger } from "../logger";
import { authenticateWithPassword } from "../services/users/authenticate-with-password";
import { signInWithGoogle } from "../services/users/sign-in-with-google";
import { signInAsDemoUser } from "../services/demo/sign-in-as-demo-user";
import { isLiveImpersonation } from "../services/impersonation/resolve-request-user";
import { loginErrorCode } from "./login-error-code";

const log = childLogger("auth");

function requestIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return typeof value === "string" ? value.split(",")[0]!.trim() : null;
}

function userAgent(headers: Record<string, unknown> | undefined): string | null {
  const value = headers?.["user-agent"];
  return typeof value === "string" ? value : null;
}

/**
 * The browser asks for `update({ impersonationId })` after starting or stopping "Act as". Its word is not
 * trusted: only a live session opened by this very admin is stored, anything else clears the claim.
 */
async function impersonationClaim(update: unknown, adminId: string | undefined): Promise<string | null> {
  const requested = (update as { impersonationId?: unknown } | undefined)?.impersonationId;
  if (typeof requested !== "string" || !adminId) return null;
  return (await isLiveImpersonation(db, requested, adminId)) ? requested : null;
}

let cached: NextAuthOptions | undefined;

/**
 * next-auth with JWT sessions. Errors thrown from `authorize` reach the login form as `error` codes
 * (see login-error-code.ts), which the form translates.
 */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticateWithPassword(
          db,
          { email: credentials?.email ?? "", password: credentials?.password ?? "", ip: requestIp(req?.headers) },
          { max: config.LOGIN_RATE_LIMIT_MAX, windowSeconds: config.LOGIN_RATE_LIMIT_WINDOW_SECONDS },
        );
        if (!result.ok) {
          log.info({ reason: result.reason }, "password sign-in refused");
          throw new Error(loginErrorCode(result.reason, result.reason === "rateLimited" ? result.retryAfterSeconds : undefined));
        }
        return { id: result.userId };
      },
    }),
  ];
  if (config.demoEnabled) {
    providers.push(
      CredentialsProvider({
        id: "demo",
        name: "Demo",
        credentials: {},
        async authorize(_credentials, req) {
          const result = await signInAsDemoUser(db, { ip: requestIp(req?.headers), userAgent: userAgent(req?.headers) });
          if (!result.ok) throw new Error(loginErrorCode(result.reason));
          return { id: result.userId };
        },
      }),
    );
  }
  if (config.googleEnabled) {
    providers.push(GoogleProvider({ clientId: config.GOOGLE_CLIENT_ID!, clientSecret: config.GOOGLE_CLIENT_SECRET! }));
  }

  cached = {
    secret: config.authSecret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/ru/login", error: "/ru/login" },
    providers,
    logger: {
      error: (code, metadata) => log.error({ code, metadata }, "next-auth error"),
      warn: (code) => log.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "google") return true;
        const google = profile as { sub?: string; email?: string; email_verified?: boolean; name?: string } | undefined;
        if (!google?.sub || !google.email) return "/ru/login?error=generic";
        const result = await signInWithGoogle(db, { impersonatorId: null, ip: null, userAgent: null }, {
          sub: google.sub,
          email: google.email,
          emailVerified: google.email_verified === true,
          name: google.name,
        });
        return result.ok ? true : `/ru/login?error=${result.reason}`;
      },
      async jwt({ token, user, account, trigger, session }) {
        if (account?.provider === "google") {
          const linked = await db.account.findUnique({ where: { provider_providerAccountId: { provider: "google", providerAccountId: account.providerAccountId } } });
          if (linked) token.sub = linked.userId;
        } else if (user) {
          token.sub = user.id;
        }
        if (trigger === "update") token.impersonationId = await impersonationClaim(session, token.sub);
        return token;
      },
      session({ session, token }) {
        session.user = { ...session.user, id: token.sub ?? "" };
        session.impersonationId = (token.impersonationId as string | null | undefined) ?? null;
        return session;
      },
    },
  };
  return cached;
}
