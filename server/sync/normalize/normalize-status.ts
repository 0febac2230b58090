import type { ResourceStatus } from "../model/resource-types";

const SERVER_STATUSES: Record<string, ResourceStatus> = {
  active: "RUNNING",
  shutoff: "STOPPED",
  stopped: "STOPPED",
  // Selectel shows a VM whose resources are held but not running as "reserved".
  reserved: "STOPPED",
  suspended: "SUSPENDED",
  paused: "SUSPENDED",
  build: "PENDING",
  rebuild: "PENDING",
  resize: "PENDING",
  verify_resize: "PENDING",
  revert_resize: "PENDING",
  migrating: "PENDING",
  reboot: "PENDING",
  hard_reboot: "PENDING",
  error: "ERROR",
};

function key(raw: string | null | undefined): string {
  return (raw ?? "").trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** Nova (or provider) server status → our vocabulary; case-insensitive, unknown values → UNKNOWN. */
export function normalizeServerStatus(raw: string | null | undefined): ResourceStatus {
  const value = key(raw);
  if (value.startsWith("shelved")) return "SUSPENDED";
  return SERVER_STATUSES[value] ?? "UNKNOWN";
}

const VOLUME_PENDING = new Set(["creating", "attaching", "detaching", "reserved", "extending", "downloading", "uploading", "retyping", "backing_up", "restoring_backup", "deleting", "maintenance", "awaiting_transfer"]);

/** Cinder volume status of a standalone volume → our vocabulary. */
export function normalizeVolumeStatus(raw: string | null | undefined): ResourceStatus {
  const value = key(raw);
  if (value === "available") return "AVAILABLE";
  if (value === "in_use") return "IN_USE";
  if (value.startsWith("error")) return "ERROR";
  if (VOLUME_PENDING.has(value)) return "PENDING";
  return "UNKNOWN";
}
