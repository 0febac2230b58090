import type { PlatformPermission, PlatformRole } from "@/server/db";
import { db } from "@/server/db";
import { appRouter } from "@/server/api/root";
import { callerFor } from "../helpers/test-callers";

let sequence = 0;

/** A user with a platform role and permissions (no organization), plus a caller signed in as them. */
export async function createPlatformUser(platformRole: PlatformRole, permissions: PlatformPermission[] = [], email?: string) {
  sequence += 1;
  const user = await db.user.create({ data: { email: email ?? `${platformRole}${sequence}-${Date.now()}@example.test`, name: `${platformRole} ${sequence}`, platformRole, permissions } });
  return { user, caller: callerFor({ userId: user.id }) };
}

type Caller = ReturnType<typeof callerFor>;

/** Calls a procedure by its dotted path ("admin.users.list"), the way the permission matrix enumerates them. */
export function callByPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  return procedure(input);
}

/** Every procedure of the app router with its type, read from the router itself so new ones are covered too. */
export function allProcedures(): { path: string; type: "query" | "mutation" | "subscription" }[] {
  // At runtime the record is flat, keyed by dotted path (its static type mirrors the nesting).
  const record = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
  return Object.entries(record).map(([path, procedure]) => ({ path, type: procedure._def.type }));
}

/** The message key of a refused call (AppError), or "ok" when it went through. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    const typed = error as { code?: string; messageKey?: string; cause?: { messageKey?: string } };
    return typed.messageKey ?? typed.cause?.messageKey ?? typed.code ?? "unknown";
  }
}
