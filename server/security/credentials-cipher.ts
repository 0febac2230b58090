import crypto from "node:crypto";
import { env } from "../env";
import { readOrCreateLocalSecret } from "./local-secrets";

/**
 * AES-256-GCM for provider credentials. Envelope: `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts).
 * The key id (first 8 bytes of SHA-256 of the key) is stored with each envelope so keys can be rotated:
 * the current key encrypts, ENCRYPTION_PREVIOUS_KEYS still decrypt.
 */
export interface CipherKey {
  id: string;
  key: Buffer;
}

export class CredentialsDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialsDecryptError";
  }
}

export function parseCipherKey(encoded: string): CipherKey {
  const key = Buffer.from(encoded.trim(), "base64");
  if (key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
  return { id: crypto.createHash("sha256").update(key).digest("hex").slice(0, 16), key };
}

export function encryptWithKey(plaintext: string, key: CipherKey): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key.key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
  return ["v1", key.id, ...parts].join(":");
}

export function decryptWithKeys(envelope: string, keys: CipherKey[]): string {
  const [version, keyId, iv, tag, ciphertext] = envelope.split(":");
  if (version !== "v1" || !keyId || !iv || !tag || ciphertext === undefined) throw new CredentialsDecryptError("Unknown credentials format");
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) throw new CredentialsDecryptError(`Credentials were encrypted with key ${keyId}, which is not configured (ENCRYPTION_KEY / ENCRYPTION_PREVIOUS_KEYS)`);
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new CredentialsDecryptError("Credentials could not be decrypted: they were altered or the key is wrong");
  }
}

export function configuredKeys(): { current: CipherKey; all: CipherKey[] } {
  const { ENCRYPTION_KEY, ENCRYPTION_PREVIOUS_KEYS, DATA_DIR } = env();
  const current = parseCipherKey(ENCRYPTION_KEY ?? readOrCreateLocalSecret(DATA_DIR, "encryption.key"));
  const previous = (ENCRYPTION_PREVIOUS_KEYS ?? "").split(",").filter((part) => part.trim()).map(parseCipherKey);
  return { current, all: [current, ...previous] };
}

/** Encrypts a credentials object with the current key; returns the envelope and its key id. */
export function encryptCredentials(credentials: Record<string, unknown>): { encrypted: string; keyId: string } {
  const { current } = configuredKeys();
  return { encrypted: encryptWithKey(JSON.stringify(credentials), current), keyId: current.id };
}

export function decryptCredentials(envelope: string): Record<string, unknown> {
  return JSON.parse(decryptWithKeys(envelope, configuredKeys().all)) as Record<string, unknown>;
}
