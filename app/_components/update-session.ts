"use client";

import { getCsrfToken } from "next-auth/react";

/**
 * What next-auth's `useSession().update()` does, without a SessionProvider: the jwt callback receives `data` with
 * trigger "update". The server validates it (see auth-options.ts), so this only asks, it never decides.
 */
export async function updateSession(data: { impersonationId: string | null }): Promise<void> {
  const csrfToken = await getCsrfToken();
  const response = await fetch("/api/auth/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ csrfToken, data }),
  });
  if (!response.ok) throw new Error(`Session update failed (${response.status})`);
}
