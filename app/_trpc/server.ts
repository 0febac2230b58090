import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getSessionIdentity } from "@/server/auth/session";
import type { Locale } from "@/server/i18n";

/** tRPC for server components: the same procedures and middleware as the browser, without HTTP. */
export const serverCaller = cache(async (locale: Locale) => {
  const requestHeaders = new Headers(await headers());
  requestHeaders.set("x-locale", locale);
  return createCaller(createTRPCContext({ headers: requestHeaders, session: await getSessionIdentity() }));
});
