import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { CredentialsDecryptError, decryptWithKeys, encryptWithKey, parseCipherKey } from "@/server/security/credentials-cipher";

const key = () => parseCipherKey(crypto.randomBytes(32).toString("base64"));

describe("credentials cipher (AES-256-GCM)", () => {
  it("round-trips and uses a fresh IV every time", () => {
    const current = key();
    const a = encryptWithKey('{"password":"p@ss"}', current);
    const b = encryptWithKey('{"password":"p@ss"}', current);
    expect(a).not.toBe(b);
    expect(a.startsWith(`v1:${current.id}:`)).toBe(true);
    expect(a).not.toContain("p@ss");
    expect(decryptWithKeys(a, [current])).toBe('{"password":"p@ss"}');
  });

  it("detects tampering", () => {
    const current = key();
    const parts = encryptWithKey("secret", current).split(":");
    const flipped = Buffer.from(parts[4]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    parts[4] = flipped.toString("base64url");
    expect(() => decryptWithKeys(parts.join(":"), [current])).toThrow(CredentialsDecryptError);
  });

  it("decrypts with a previous key after rotation and names a missing key", () => {
    const old = key();
    const fresh = key();
    const envelope = encryptWithKey("secret", old);
    expect(decryptWithKeys(envelope, [fresh, old])).toBe("secret");
    expect(() => decryptWithKeys(envelope, [fresh])).toThrow(new RegExp(`key ${old.id}`));
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => parseCipherKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
