import crypto from "node:crypto";

export const INVITATION_TTL_DAYS = 7;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(24).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
