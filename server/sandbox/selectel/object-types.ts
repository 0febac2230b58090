/**
 * Which Selectel product (`provider_key`) bills an object type, and its localized `type_name`. Scenarios only
 * name the type; the product follows from its prefix, and types nobody knows fall under "vpc" like the cloud
 * platform's own add-ons do.
 */
export const PROVIDER_KEYS = [
  "vpc", "serverless", "mks", "dbaas", "storage", "cdn", "vmware", "craas", "ones", "mobfarm", "ses",
  // Not in the published enum, but sent by real clients and accepted.
  "private_storage", "inference", "netdisk",
] as const;

const PREFIXES: [string, string][] = [
  ["dbaas_", "dbaas"],
  ["mks_", "mks"],
  ["craas_", "craas"],
  ["s3_", "storage"],
  ["cdn_", "cdn"],
  ["serverless_", "serverless"],
];

export function providerKeyOf(type: string): string {
  return PREFIXES.find(([prefix]) => type.startsWith(prefix))?.[1] ?? "vpc";
}

const TYPE_NAMES: Record<string, { ru: string; en: string }> = {
  cloud_vm: { ru: "Сервер", en: "Server" },
  cloud_vm_gpu: { ru: "Сервер с GPU", en: "GPU server" },
  volume_basic: { ru: "Базовый диск", en: "Basic volume" },
  volume_universal: { ru: "Универсальный диск", en: "Universal volume" },
  volume_fast: { ru: "Быстрый диск", en: "Fast volume" },
  volume_ultra: { ru: "Сверхбыстрый диск", en: "Ultra volume" },
  network_floating_ip: { ru: "Публичный IP-адрес", en: "Floating IP" },
  network_load_balancer: { ru: "Балансировщик нагрузки", en: "Load balancer" },
  mks_cluster: { ru: "Кластер Managed Kubernetes", en: "Managed Kubernetes cluster" },
  mks_node_group: { ru: "Группа нод Managed Kubernetes", en: "Managed Kubernetes node group" },
  dbaas_postgresql: { ru: "Кластер PostgreSQL", en: "PostgreSQL cluster" },
  dbaas_mysql: { ru: "Кластер MySQL", en: "MySQL cluster" },
  craas_registry: { ru: "Реестр контейнеров", en: "Container registry" },
};

export function typeNameOf(type: string, locale: "ru" | "en", fallback?: string): string {
  return TYPE_NAMES[type]?.[locale] ?? fallback ?? type;
}
