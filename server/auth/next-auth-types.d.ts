import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
    /** The ImpersonationSession this admin is acting through, if any; validated server-side on every request. */
    impersonationId: string | null;
  }
}
