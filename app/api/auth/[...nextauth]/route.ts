import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/auth-options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Built per request so env validation happens at run time, not while `next build` collects routes.
async function handler(request: Request, context: RouteContext) {
  return NextAuth(getAuthOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
