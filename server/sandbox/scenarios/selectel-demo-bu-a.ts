import type { SandboxScenario, ScenarioServerLoad, ScenarioUsageProfile } from "../scenario";
import { demoAccountBuilder } from "./demo-account-builder";

export const DEMO_BU_A_ACCOUNT_ID = "318420";
/** What the last 30 days cost, from the consumption API (asserted within ±1.5 % by the scenario test). */
export const DEMO_BU_A_MONTHLY_RUB = 166_600;

/**
 * How busy production is, for the sandbox's Gnocchi (percent of each flavor): the primary database works hard
 * all day (≈60–70 % CPU, most of its memory as cache), the replica idles at a quarter, the API and Kubernetes
 * workers follow office hours, Redis keeps its memory full and its CPU low.
 */
const LOADS = {
  api: { cpu: { base: 34, daily: 14, weekend: 0.7, noise: 5 }, ram: { base: 56, daily: 6, noise: 2 } },
  primaryDb: { cpu: { base: 64, daily: 9, weekend: 0.85, noise: 4 }, ram: { base: 83, daily: 2, noise: 1 } },
  replicaDb: { cpu: { base: 24, daily: 7, weekend: 0.8, noise: 3 }, ram: { base: 78, daily: 2, noise: 1 } },
  master: { cpu: { base: 17, daily: 4, noise: 3 }, ram: { base: 47, daily: 2, noise: 1 } },
  worker: { cpu: { base: 46, daily: 16, weekend: 0.65, noise: 6 }, ram: { base: 67, daily: 6, noise: 2 } },
  redis: { cpu: { base: 11, daily: 5, weekend: 0.8, noise: 2 }, ram: { base: 72, daily: 1, noise: 0.5 } },
  edge: { cpu: { base: 21, daily: 12, weekend: 0.9, noise: 4 }, ram: { base: 31, daily: 3, noise: 1 } },
} satisfies Record<string, Omit<ScenarioServerLoad, "schedule">>;

/**
 * The demo company's production business unit: three projects in ru-3, ru-7 and ru-9 — API backends behind a load
 * balancer, PostgreSQL with a replica added two months ago, a self-managed Kubernetes (a third worker added six
 * weeks ago, scaled down at weekends), Redis, a DBaaS analytics cluster and an orphaned 1 TB backup volume.
 * History: 180+ days, egress traffic growing ≈0.4 %/day with a weekly rhythm, a campaign traffic spike ~70 days
 * ago and a load test that scaled the workers 23 days ago. ≈166,600 ₽ over the last 30 days.
 */
export function selectelDemoBuAScenario(now: Date = new Date()): SandboxScenario {
  const b = demoAccountBuilder(now, 2026_0401, { costCenter: "cc-1010-bu-a" });
  const core = b.project("prod-core");
  const data = b.project("prod-data");
  const edge = b.project("prod-edge");
  const loadTest = { from: b.daysAgo(23, 7), until: b.daysAgo(23, 17), factor: 2.5 };
  const traffic: ScenarioUsageProfile = {
    weekdays: [1.06, 1.1, 1.1, 1.08, 1.02, 0.76, 0.7],
    trend: { anchor: b.daysAgo(0), perDay: 0.004 },
    spikes: [{ from: b.daysAgo(71, 6), until: b.daysAgo(70, 18), factor: 4 }],
  };

  b.vm({ name: "api-backend-prod-01", project: core, zone: "ru-3a", vcpus: 8, ramGb: 16, boot: { gb: 50, tier: "fast" }, createdDaysAgo: 400, floatingIp: "87.228.140.11", load: LOADS.api });
  b.vm({ name: "api-backend-prod-02", project: core, zone: "ru-3b", vcpus: 8, ramGb: 16, boot: { gb: 50, tier: "universal" }, createdDaysAgo: 150, load: LOADS.api });
  const db1 = b.vm({ name: "db-postgres-prod-01", project: data, zone: "ru-7a", vcpus: 16, ramGb: 64, boot: { gb: 50, tier: "fast" }, createdDaysAgo: 400, load: LOADS.primaryDb });
  b.volume({ name: "db-postgres-prod-01-data", project: data, zone: "ru-7a", gb: 500, tier: "fast", createdDaysAgo: 400, attachTo: db1 });
  const replica = b.vm({ name: "db-postgres-prod-02-replica", project: data, zone: "ru-7a", vcpus: 16, ramGb: 64, boot: { gb: 50, tier: "fast" }, createdDaysAgo: 62, load: LOADS.replicaDb });
  b.volume({ name: "db-postgres-prod-02-data", project: data, zone: "ru-7a", gb: 500, tier: "fast", createdDaysAgo: 62, attachTo: replica });

  b.vm({ name: "k8s-master-01", project: core, zone: "ru-3a", vcpus: 4, ramGb: 8, boot: { gb: 30, tier: "universal" }, createdDaysAgo: 300, floatingIp: "87.228.140.12", load: LOADS.master });
  const workerUsage = { spikes: [loadTest] };
  b.vm({ name: "k8s-worker-01", project: core, zone: "ru-3a", vcpus: 16, ramGb: 32, boot: { gb: 100, tier: "universal" }, createdDaysAgo: 300, usage: workerUsage, load: LOADS.worker });
  b.vm({ name: "k8s-worker-02", project: core, zone: "ru-3b", vcpus: 16, ramGb: 32, boot: { gb: 100, tier: "universal" }, createdDaysAgo: 300, usage: workerUsage, load: LOADS.worker });
  // Added by the cluster autoscaler, which scales it away for half of every weekend.
  b.vm({ name: "k8s-worker-03", project: core, zone: "ru-3b", vcpus: 16, ramGb: 32, boot: { gb: 100, tier: "universal" }, createdDaysAgo: 44, usage: { weekdays: [1, 1, 1, 1, 1, 0.5, 0.5], spikes: [loadTest] }, load: LOADS.worker });
  b.vm({ name: "redis-prod-01", project: core, zone: "ru-3a", vcpus: 4, ramGb: 8, boot: { gb: 20, tier: "fast" }, createdDaysAgo: 250, load: LOADS.redis });
  b.vm({ name: "cdn-edge-proxy-01", project: edge, zone: "ru-9a", vcpus: 2, ramGb: 4, boot: { gb: 20, tier: "universal" }, createdDaysAgo: 120, floatingIp: "87.228.150.21", load: LOADS.edge });

  b.service({
    name: "lb-prod-api",
    type: "network_load_balancer",
    project: core,
    region: "ru-3",
    createdDaysAgo: 300,
    metrics: [
      ["network_load_balancer_basic", "item", "1", 278],
      ["load_balancer_egress_gigabytes", "GB", "40", 300, traffic],
    ],
  });
  b.service({
    name: "analytics-pg-prod",
    type: "dbaas_postgresql",
    project: data,
    region: "ru-7",
    createdDaysAgo: 95,
    metrics: [
      ["dbaas_cores", "item", "2", 180],
      ["dbaas_ram", "MB", "16384", 240],
      ["dbaas_volume_gigabytes", "GB", "200", 155],
    ],
  });
  // The backups moved to object storage in spring; this volume was detached and forgotten.
  b.volume({ name: "pg-backup-volume", project: data, zone: "ru-7a", gb: 1000, tier: "basic", createdDaysAgo: 130 });

  return b.build({
    name: "selectel-demo-bu-a",
    description: `BU-A (prod): 3 projects in ru-3, ru-7, ru-9, API backends, PostgreSQL + replica, Kubernetes, Redis, DBaaS, a load balancer, an orphan backup volume; 180 days of history; ≈${DEMO_BU_A_MONTHLY_RUB.toLocaleString("en-US")} ₽ over the last 30 days.`,
    account: { id: DEMO_BU_A_ACCOUNT_ID, name: "Selectel 318420 (BU-A)", balanceKopecks: 124_750_000, bonusKopecks: 0, daysLeft: 224 },
    auth: {
      apiKeys: ["demo-bu-a-selectel-api-key-5d2c8e1f9a7b"],
      users: [{ name: "svc-finops-bu-a", password: "Demo-BU-A-Finops-Passw0rd", domain: DEMO_BU_A_ACCOUNT_ID }],
    },
    projects: [core, data, edge],
    regions: [
      { name: "ru-3", zones: ["ru-3a", "ru-3b"] },
      { name: "ru-7", zones: ["ru-7a"] },
      { name: "ru-9", zones: ["ru-9a"] },
    ],
  });
}
