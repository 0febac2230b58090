import crypto from "node:crypto";

export const LINK_CODE_TTL_MINUTES = 10;

/** No 0/O, 1/I/L: the code is read off a screen and typed into Telegram. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 10;

export function newLinkCode(): { code: string; codeHash: string } {
  let code = "";
  for (let index = 0; index < CODE_LENGTH; index += 1) code += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return { code, codeHash: hashLinkCode(code) };
}

/** What a person typed, as it was issued: case, spaces and dashes do not matter. */
export function normalizeLinkCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}

export function hashLinkCode(code: string): string {
  return crypto.createHash("sha256").update(normalizeLinkCode(code)).digest("hex");
}

/** Rejects text that cannot be a code before any database read (a /start payload can be anything). */
export function looksLikeLinkCode(input: string): boolean {
  const normalized = normalizeLinkCode(input);
  return normalized.length >= 8 && normalized.length <= 10 && [...normalized].every((char) => ALPHABET.includes(char));
}
