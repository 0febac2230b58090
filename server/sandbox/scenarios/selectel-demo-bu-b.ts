import type { SandboxScenario, ScenarioServerLoad, ScenarioUsageProfile } from "../scenario";
import { demoAccountBuilder } from "./demo-account-builder";

export const DEMO_BU_B_ACCOUNT_ID = "318421";
/** What the last 30 days cost, from the consumption API (asserted within ±1.5 % by the scenario test). */
export const DEMO_BU_B_MONTHLY_RUB = 104_300;

/** Dev machines are stopped by a scheduler outside working hours (Selectel bills no compute for them then). */
const WORKING_HOURS: ScenarioUsageProfile = { schedule: { weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 21 } };

/**
 * How busy dev and stage are: little. The stage database is the oversized one (8 vCPU / 32 GB idling at ≈3 % CPU
 * and ≈14 % memory, a rightsizing candidate), the CI runner idles between builds and pegs its CPU while one runs,
 * developer VMs only run in working hours.
 */
const LOADS = {
  stageApi: { cpu: { base: 7, daily: 3, weekend: 0.6, noise: 2 }, ram: { base: 41, daily: 2, noise: 1 } },
  idleOversizedDb: { cpu: { base: 3, daily: 1, weekend: 0.8, noise: 0.8 }, ram: { base: 14, daily: 0.5, noise: 0.3 } },
  stageWorker: { cpu: { base: 16, daily: 6, weekend: 0.5, noise: 4 }, ram: { base: 52, daily: 4, noise: 2 } },
  developer: { cpu: { base: 13, daily: 6, noise: 6 }, ram: { base: 38, daily: 5, noise: 3 } },
  shared: { cpu: { base: 9, daily: 3, noise: 2 }, ram: { base: 53, daily: 2, noise: 1 } },
  ciRunner: { cpu: { base: 6, noise: 4, bursts: { chance: 0.45, level: 93 } }, ram: { base: 22, noise: 3, bursts: { chance: 0.45, level: 71 } } },
} satisfies Record<string, Omit<ScenarioServerLoad, "schedule">>;

/**
 * The demo company's dev/stage business unit: stage in ru-3, dev and CI in ru-8 — a stage API and database,
 * a stage Kubernetes node pool, dev VMs that run on weekdays only, a spot CI runner billed on weekdays
 * 08:00–20:00 Moscow, a zombie (a worker deleted from OpenStack that is still billed), a GPU notebook of a
 * billing type the sync does not know, and a team that grew over the half-year (VMs created at different dates).
 * The balance lasts 17 days, so the low-balance warning shows. ≈104,300 ₽ over the last 30 days.
 */
export function selectelDemoBuBScenario(now: Date = new Date()): SandboxScenario {
  const b = demoAccountBuilder(now, 2026_0402, { costCenter: "cc-2020-bu-b" });
  const stage = b.project("stage");
  const dev = b.project("dev");
  const ci = b.project("ci");

  b.vm({ name: "api-backend-stage-01", project: stage, zone: "ru-3a", vcpus: 4, ramGb: 8, boot: { gb: 50, tier: "universal" }, createdDaysAgo: 300, floatingIp: "87.228.160.31", load: LOADS.stageApi });
  const stageDb = b.vm({ name: "db-postgres-stage-01", project: stage, zone: "ru-3a", vcpus: 8, ramGb: 32, boot: { gb: 20, tier: "universal" }, createdDaysAgo: 300, load: LOADS.idleOversizedDb });
  b.volume({ name: "db-postgres-stage-01-data", project: stage, zone: "ru-3a", gb: 300, tier: "universal", createdDaysAgo: 300, attachTo: stageDb });
  b.vm({ name: "k8s-stage-worker-01", project: stage, zone: "ru-3b", vcpus: 8, ramGb: 16, boot: { gb: 50, tier: "universal" }, createdDaysAgo: 240, load: LOADS.stageWorker });
  b.vm({ name: "k8s-stage-worker-02", project: stage, zone: "ru-3b", vcpus: 8, ramGb: 16, boot: { gb: 50, tier: "universal" }, createdDaysAgo: 110, load: LOADS.stageWorker });
  // Deleted in OpenStack a month ago; billing never stopped: the zombie.
  b.vm({ name: "k8s-stage-worker-old", project: stage, zone: "ru-3b", vcpus: 8, ramGb: 16, boot: { gb: 50, tier: "universal" }, createdDaysAgo: 280, deleted: true });
  b.service({ name: "stage-redis", type: "dbaas_redis", project: stage, region: "ru-3", createdDaysAgo: 200, metrics: [["dbaas_cores", "item", "2", 180], ["dbaas_ram", "MB", "8192", 120]] });
  b.service({ name: "lb-stage", type: "network_load_balancer", project: stage, region: "ru-3", createdDaysAgo: 240, metrics: [["network_load_balancer_basic", "item", "1", 278]] });

  // The team grew: a new developer VM every couple of months.
  const developers: [string, number][] = [["dev-vm-anna", 320], ["dev-vm-boris", 260], ["dev-vm-olga", 150], ["dev-vm-pavel", 75], ["dev-vm-irina", 28]];
  for (const [name, createdDaysAgo] of developers) {
    b.vm({ name, project: dev, zone: "ru-8a", vcpus: 8, ramGb: 32, boot: { gb: 100, tier: "universal" }, createdDaysAgo, usage: WORKING_HOURS, load: LOADS.developer });
  }
  b.vm({ name: "dev-shared-services", project: dev, zone: "ru-8a", vcpus: 4, ramGb: 16, boot: { gb: 200, tier: "universal" }, createdDaysAgo: 320, floatingIp: "87.228.170.41", load: LOADS.shared });
  b.service({
    name: "ds-jupyter-gpu",
    type: "ml_notebook_gpu",
    typeName: "GPU notebook",
    project: dev,
    region: "ru-8",
    createdDaysAgo: 90,
    usage: WORKING_HOURS,
    metrics: [["notebook_gpu_hours", "item", "1", 2200]],
  });

  const runner = b.vm({ name: "ci-runner-spot", project: ci, zone: "ru-8a", vcpus: 16, ramGb: 32, boot: { gb: 50, tier: "fast" }, createdDaysAgo: 200, usage: { schedule: { weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 20 } }, load: LOADS.ciRunner });
  // The runner's build cache stays billed around the clock, even while the runner itself is stopped.
  b.volume({ name: "ci-cache", project: ci, zone: "ru-8a", gb: 245, tier: "fast", createdDaysAgo: 200, attachTo: runner });

  return b.build({
    name: "selectel-demo-bu-b",
    description: `BU-B (dev/stage): 3 projects in ru-3 and ru-8, stage API/DB/Kubernetes, weekday dev VMs, a weekday-hours CI runner, a zombie, an unknown GPU notebook type; 180 days of history; ≈${DEMO_BU_B_MONTHLY_RUB.toLocaleString("en-US")} ₽ over the last 30 days.`,
    account: { id: DEMO_BU_B_ACCOUNT_ID, name: "Selectel 318421 (BU-B)", balanceKopecks: 5_912_000, bonusKopecks: 0, daysLeft: 17 },
    auth: {
      apiKeys: ["demo-bu-b-selectel-api-key-8b4a0c6e2d1f"],
      users: [{ name: "svc-finops-bu-b", password: "Demo-BU-B-Finops-Passw0rd", domain: DEMO_BU_B_ACCOUNT_ID }],
    },
    projects: [stage, dev, ci],
    regions: [
      { name: "ru-3", zones: ["ru-3a", "ru-3b"] },
      { name: "ru-8", zones: ["ru-8a"] },
    ],
  });
}
