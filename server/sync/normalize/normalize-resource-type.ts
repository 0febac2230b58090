import { isNormalizedType, type NormalizedType } from "../model/resource-types";

/** Object types named exactly (Selectel billing types, generic OpenStack plugin types, our own names). */
const EXACT_TYPES: Record<string, NormalizedType> = {
  cloud_vm: "server",
  cloud_vm_gpu: "server",
  instance: "server",
  vm: "server",
  share: "file_storage",
  network_floating_ip: "floating_ip",
  // The billing API has been seen spelling it without the underscore.
  network_floatingip: "floating_ip",
  floatingip: "floating_ip",
  network_load_balancer: "load_balancer",
  loadbalancer: "load_balancer",
  craas_registry: "container_registry",
};

/** Families of object types: every Selectel product prefixes its billing types consistently. */
const TYPE_PREFIXES: [string, NormalizedType][] = [
  ["cloud_vm_", "server"],
  ["volume_", "volume"],
  ["share_", "file_storage"],
  ["dbaas_", "database"],
  ["mks_", "kubernetes"],
  ["craas_", "container_registry"],
  ["s3_", "s3_bucket"],
  ["backup_", "backup"],
  ["network_load_balancer", "load_balancer"],
  ["network_floating", "floating_ip"],
];

/** Metric ids, for lines whose object type is missing or unknown. */
const METRIC_PREFIXES: [string, NormalizedType][] = [
  ["compute_", "server"],
  ["license_", "server"],
  ["volume_gigabytes", "volume"],
  ["share_gigabytes", "file_storage"],
  ["network_floatingips", "floating_ip"],
  ["network_load_balancer", "load_balancer"],
  ["load_balancer", "load_balancer"],
  ["dbaas_", "database"],
  ["mks_", "kubernetes"],
  ["craas_", "container_registry"],
  ["s3_", "s3_bucket"],
  ["backup_", "backup"],
];

function clean(value: string | null | undefined): string {
  return (value ?? "").trim().toLowerCase();
}

function byPrefix(value: string, table: [string, NormalizedType][]): NormalizedType | null {
  if (!value) return null;
  for (const [prefix, type] of table) if (value.startsWith(prefix)) return type;
  return null;
}

/** The normalized type of a billing object, or null when neither its type nor its metric is known. */
export function normalizeResourceType(billingType: string | null | undefined, metric?: string | null): NormalizedType | null {
  const type = clean(billingType);
  if (isNormalizedType(type)) return type;
  const known = EXACT_TYPES[type] ?? byPrefix(type, TYPE_PREFIXES);
  if (known) return known;
  return byPrefix(clean(metric), METRIC_PREFIXES);
}

/**
 * Words that suggest a type, checked in this order so the more specific service wins
 * ("postgres-backup" → backup before database; "gpu-snapshot" → backup before server).
 */
const INFERENCE_WORDS: [NormalizedType, string[]][] = [
  ["backup", ["backup", "backups", "snapshot", "snapshots", "archive"]],
  ["database", ["db", "dbaas", "database", "postgres", "postgresql", "pg", "mysql", "redis", "mongo", "mongodb", "kafka", "clickhouse", "opensearch", "elasticsearch"]],
  ["kubernetes", ["k8s", "kube", "kubernetes", "mks", "nodegroup"]],
  ["container_registry", ["registry", "craas", "docker"]],
  ["load_balancer", ["lb", "lbaas", "balancer", "loadbalancer", "octavia"]],
  ["s3_bucket", ["s3", "bucket", "buckets", "swift"]],
  ["file_storage", ["share", "shares", "nfs", "cifs", "filesystem", "sfs", "manila"]],
  ["floating_ip", ["ip", "ips", "ipv4", "ipv6", "floatingip", "floatingips", "fip", "eip"]],
  ["volume", ["disk", "disks", "volume", "volumes", "ssd", "hdd", "nvme", "block"]],
  ["server", ["vm", "server", "servers", "instance", "compute", "gpu", "vcpu", "cores", "baremetal", "dedicated"]],
];

/** Best guess for an unknown billing object from the words in its type, name and metrics; null when nothing fits. */
export function inferResourceType(billingType: string | null | undefined, name?: string | null, metrics: (string | null)[] = []): NormalizedType | null {
  const words = new Set(
    [billingType, name, ...metrics]
      .map(clean)
      .join(" ")
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
  for (const [type, hints] of INFERENCE_WORDS) if (hints.some((hint) => words.has(hint))) return type;
  return null;
}
