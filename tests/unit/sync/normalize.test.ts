import { describe, expect, it } from "vitest";
import { inferResourceType, normalizeResourceType } from "@/server/sync/normalize/normalize-resource-type";
import { normalizeRegion } from "@/server/sync/normalize/normalize-region";
import { normalizeServerStatus, normalizeVolumeStatus } from "@/server/sync/normalize/normalize-status";

describe("normalizeResourceType", () => {
  it.each([
    ["cloud_vm", "server"],
    ["cloud_vm_gpu", "server"],
    ["CLOUD_VM", "server"],
    ["volume_basic", "volume"],
    ["volume_universal", "volume"],
    ["volume_fast", "volume"],
    ["volume_ultra", "volume"],
    ["share_basic", "file_storage"],
    ["share_universal", "file_storage"],
    ["network_floating_ip", "floating_ip"],
    ["network_floatingip", "floating_ip"],
    ["network_load_balancer", "load_balancer"],
    ["dbaas_postgresql", "database"],
    ["dbaas_redis", "database"],
    ["dbaas_kafka", "database"],
    ["mks_cluster", "kubernetes"],
    ["mks_node_group", "kubernetes"],
    ["craas_registry", "container_registry"],
    ["s3_storage", "s3_bucket"],
    ["s3_traffic", "s3_bucket"],
    ["backup_storage", "backup"],
    ["server", "server"],
    ["floating_ip", "floating_ip"],
  ])("%s → %s", (billingType, expected) => {
    expect(normalizeResourceType(billingType)).toBe(expected);
  });

  it.each([
    ["compute_cores", "server"],
    ["compute_ram", "server"],
    ["volume_gigabytes_fast", "volume"],
    ["volume_gigabytes_universal", "volume"],
    ["share_gigabytes_basic", "file_storage"],
    ["network_floatingips", "floating_ip"],
    ["license_windows_2016_standard", "server"],
  ])("falls back to the metric id %s → %s", (metric, expected) => {
    expect(normalizeResourceType("", metric)).toBe(expected);
    expect(normalizeResourceType("something_new", metric)).toBe(expected);
  });

  it("returns null for types and metrics nobody knows", () => {
    expect(normalizeResourceType("quantum_teleporter", "qubit_hours")).toBeNull();
    expect(normalizeResourceType("network_traffic", null)).toBeNull();
    expect(normalizeResourceType(null)).toBeNull();
  });
});

describe("inferResourceType (best guess for unknown types)", () => {
  it.each([
    ["managed_clickhouse", "analytics-1", [], "database"],
    ["ai_gpu_instance", null, [], "server"],
    ["network_traffic_public_ip", null, [], "floating_ip"],
    ["nfs_appliance", "team-share", [], "file_storage"],
    ["archive_vault", null, [], "backup"],
    ["mystery", "prod-db-1", [], "database"],
    ["mystery", null, ["k8s_control_plane_hours"], "kubernetes"],
    ["lbaas_v3", null, [], "load_balancer"],
    ["thing", "bucket-of-logs", [], "s3_bucket"],
  ] as const)("%s / %s → %s", (billingType, name, metrics, expected) => {
    expect(inferResourceType(billingType, name, [...metrics])).toBe(expected);
  });

  it("prefers the more specific service (a database backup is a backup)", () => {
    expect(inferResourceType("postgres_backup_storage")).toBe("backup");
  });

  it("is null when no word fits", () => {
    expect(inferResourceType("quantum_teleporter", "qt-1", ["qubit_hours"])).toBeNull();
  });
});

describe("normalizeServerStatus", () => {
  it.each([
    ["ACTIVE", "RUNNING"],
    ["active", "RUNNING"],
    ["SHUTOFF", "STOPPED"],
    ["Stopped", "STOPPED"],
    ["reserved", "STOPPED"],
    ["RESERVED", "STOPPED"],
    ["SUSPENDED", "SUSPENDED"],
    ["PAUSED", "SUSPENDED"],
    ["SHELVED", "SUSPENDED"],
    ["SHELVED_OFFLOADED", "SUSPENDED"],
    ["BUILD", "PENDING"],
    ["REBUILD", "PENDING"],
    ["RESIZE", "PENDING"],
    ["VERIFY_RESIZE", "PENDING"],
    ["verify-resize", "PENDING"],
    ["MIGRATING", "PENDING"],
    ["REBOOT", "PENDING"],
    ["HARD_REBOOT", "PENDING"],
    ["ERROR", "ERROR"],
    ["RESCUE", "UNKNOWN"],
    ["", "UNKNOWN"],
    [null, "UNKNOWN"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeServerStatus(raw)).toBe(expected);
  });
});

describe("normalizeVolumeStatus", () => {
  it.each([
    ["available", "AVAILABLE"],
    ["in-use", "IN_USE"],
    ["error_extending", "ERROR"],
    ["creating", "PENDING"],
    ["reserved", "PENDING"],
    ["weird", "UNKNOWN"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeVolumeStatus(raw)).toBe(expected);
  });
});

describe("normalizeRegion", () => {
  it("drops the availability-zone letter of Selectel pools and keeps other names", () => {
    expect(normalizeRegion("ru-3b")).toBe("ru-3");
    expect(normalizeRegion("ru-9a")).toBe("ru-9");
    expect(normalizeRegion("gis-1a")).toBe("gis-1");
    expect(normalizeRegion("ru-3")).toBe("ru-3");
    expect(normalizeRegion("RegionOne")).toBe("RegionOne");
    expect(normalizeRegion("eu-west-1")).toBe("eu-west-1");
    expect(normalizeRegion("")).toBeNull();
    expect(normalizeRegion(null)).toBeNull();
  });
});
