/**
 * Sign-in failures travel from `authorize` to the browser as next-auth's `error` string.
 * Format: "<reason>" or "rateLimited:<seconds>"; the login form turns it into a translated message.
 */
export type LoginFailure = "invalidCredentials" | "disabled" | "rateLimited" | "demoUnavailable" | "oauthNotLinked" | "generic";

export function loginErrorCode(reason: LoginFailure, retryAfterSeconds?: number): string {
  return reason === "rateLimited" ? `rateLimited:${retryAfterSeconds ?? 60}` : reason;
}

export function parseLoginErrorCode(code: string | null | undefined): { reason: LoginFailure; minutes?: number } | null {
  if (!code) return null;
  const [reason, seconds] = code.split(":");
  const known: LoginFailure[] = ["invalidCredentials", "disabled", "rateLimited", "demoUnavailable", "oauthNotLinked"];
  if (!known.includes(reason as LoginFailure)) return { reason: "generic" };
  return reason === "rateLimited" ? { reason, minutes: Math.max(1, Math.ceil(Number(seconds ?? 60) / 60)) } : { reason: reason as LoginFailure };
}
