import { initTRPC, type TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { db } from "../db";
import { t as translate, toLocale, type Locale, type MessageKey } from "../i18n";
import { logger } from "../logger";
import { orgRoleCan, type OrgPermission } from "../auth/org-permissions";
import { hasPlatformPermission, type PlatformPermissionName } from "../auth/platform-permissions";
import { resolveActiveMembership, resolvePinnedMembership } from "../services/organizations/resolve-active-membership";
import { recordImpersonatedRequest } from "../services/impersonation/record-impersonated-request";
import { resolveRequestUser } from "../services/impersonation/resolve-request-user";
import type { RequestIdentity } from "../services/audit/record-audit-event";
import { AppError } from "./app-error";
import { transformer } from "./transformer";

export interface SessionIdentity {
  /** The signed-in user (the admin, while impersonating). */
  userId: string;
  /** An ImpersonationSession id from the JWT: only a pointer, re-validated on every request. */
  impersonationId?: string | null;
}

export interface CreateContextOptions {
  headers: Headers;
  session: SessionIdentity | null;
  /**
   * Pins org procedures to this organization instead of the user's active one (a Telegram chat is bound to one
   * org whatever the user picks on the web); a user who is no longer its member is refused.
   */
  organizationId?: string | null;
}

export function createTRPCContext({ headers, session, organizationId }: CreateContextOptions) {
  const locale: Locale = toLocale(headers.get("x-locale") ?? headers.get("accept-language")?.slice(0, 2));
  const ip = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
  return { db, session, headers, locale, ip, userAgent: headers.get("user-agent"), pinnedOrganizationId: organizationId ?? null };
}
export type TRPCContext = ReturnType<typeof createTRPCContext>;

/** Our zod messages are i18n keys ("validation.email"); zod's own English messages pass through. */
function translateIssue(locale: Locale, message: string | undefined): string {
  if (!message) return translate(locale, "errors.validation");
  return /^[a-z]+\.[a-zA-Z.]+$/.test(message) ? translate(locale, message as MessageKey) : message;
}

/** The user-facing text of a failed call, in the caller's language. */
function localizeError(error: TRPCError, locale: Locale): string {
  const appError = error instanceof AppError ? error : error.cause instanceof AppError ? error.cause : null;
  if (appError) return translate(locale, appError.messageKey, appError.params);
  if (error.cause instanceof ZodError) return translateIssue(locale, error.cause.issues[0]?.message);
  if (error.code === "INTERNAL_SERVER_ERROR") return translate(locale, "errors.internal");
  return error.message;
}

const trpc = initTRPC.context<TRPCContext>().create({
  transformer,
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      data: {
        ...shape.data,
        stack: undefined,
        messageKey: error instanceof AppError ? error.messageKey : null,
        fieldErrors: zodError ? Object.fromEntries(zodError.issues.map((issue) => [issue.path.join("."), translateIssue(ctx?.locale ?? "ru", issue.message)])) : null,
      },
    };
  },
});

export const createCallerFactory = trpc.createCallerFactory;
export const createTRPCRouter = trpc.router;

/**
 * Every failure leaves a procedure translated, so HTTP clients and server-side callers (RSC, bot, CLI)
 * see the same clear text; unexpected errors are logged and their details never reach the caller.
 */
const localizeErrors = trpc.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    if (result.error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: result.error.cause ?? result.error, path, type }, "tRPC procedure failed");
    result.error.message = localizeError(result.error, ctx.locale);
  }
  return result;
});

export const publicProcedure = trpc.procedure.use(localizeErrors);

/**
 * A signed-in, enabled user, re-read from the database on every call so role changes and disabling apply at once.
 * While an admin impersonates, ctx.user is the target and ctx.identity names both.
 */
const authenticatedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.session) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const resolved = await resolveRequestUser(ctx.db, ctx.session, { ip: ctx.ip, userAgent: ctx.userAgent });
  if (!resolved) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const { user, impersonation } = resolved;
  const identity: RequestIdentity = { actorId: user.id, impersonatorId: impersonation?.admin.id ?? null, ip: ctx.ip, userAgent: ctx.userAgent };
  return next({ ctx: { ...ctx, session: ctx.session, user, impersonation, identity } });
});

/**
 * Every mutation made while impersonating leaves an AuditLog row, whatever the procedure does itself: enforced
 * here once so a new procedure cannot forget it. The row is written before the mutation runs.
 */
export const protectedProcedure = authenticatedProcedure.use(async ({ ctx, next, type, path, getRawInput }) => {
  if (type !== "mutation" || !ctx.impersonation) return next();
  const audit = await recordImpersonatedRequest(ctx.db, ctx.identity, {
    path,
    rawInput: await getRawInput().catch(() => null),
    organizationId: ctx.user.activeOrganizationId,
    impersonationId: ctx.impersonation.id,
  });
  const result = await next();
  await audit.finish(result.ok ? "ok" : result.error.code);
  return result;
});

/** Resolves the user's active organization and membership; every business query filters by ctx.org.id. */
export const orgProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const membership = ctx.pinnedOrganizationId ? await resolvePinnedMembership(ctx.db, ctx.user.id, ctx.pinnedOrganizationId) : await resolveActiveMembership(ctx.db, ctx.user);
  return next({ ctx: { ...ctx, org: membership.organization, membership } });
});

/** orgProcedure limited to the org roles that hold a permission (see org-permissions.ts). */
export function orgProcedureWith(permission: OrgPermission) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!orgRoleCan(ctx.membership.role, permission)) throw new AppError("FORBIDDEN", "errors.forbidden");
    return next();
  });
}

/**
 * Platform admin procedures, for admins holding any of the given permissions; a super admin holds every one.
 * Refused while impersonating: the request runs as the target, and acting as someone must never widen what the
 * admin can reach.
 */
export function adminProcedure(permission: PlatformPermissionName | readonly PlatformPermissionName[]) {
  const anyOf: readonly PlatformPermissionName[] = typeof permission === "string" ? [permission] : permission;
  return protectedProcedure.use(({ ctx, next }) => {
    if (ctx.impersonation) throw new AppError("FORBIDDEN", "admin.errors.notWhileImpersonating");
    if (!anyOf.some((name) => hasPlatformPermission(ctx.user, name))) throw new AppError("FORBIDDEN", "errors.forbidden");
    return next();
  });
}
