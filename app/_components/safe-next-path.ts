/** Only same-site paths are followed after sign-in, so a crafted ?next= cannot send users elsewhere. */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
