import { createHash } from "node:crypto";

/**
 * Deterministic ids for things a scenario does not name (users, subnets, catalog entries, attachments):
 * the same scenario must produce the same wire data on every run so tests and snapshots stay stable.
 */
export function stableHex(seed: string, length = 32): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

export function stableUuid(seed: string): string {
  const hex = stableHex(seed, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
