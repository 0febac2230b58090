/**
 * ResourceMetric names the dashboard reads. Percentages are 0–100 samples; network is bytes per sample
 * (summed over the period). A metrics collector must write these names for "used" to appear.
 */
export const UTILIZATION_METRICS = {
  cpuPercent: "cpu_percent",
  ramPercent: "ram_percent",
  storagePercent: "storage_percent",
  networkBytes: "network_bytes",
} as const;
