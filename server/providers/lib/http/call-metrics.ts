/** Timing of every provider call, for the sync run's metrics and the benchmarks' call graph. */
export interface CallRecord {
  service: string;
  method: string;
  /** Path without query, secrets masked. */
  path: string;
  status: number | null;
  attempt: number;
  startedAt: number;
  durationMs: number;
}

export class CallMetrics {
  calls = 0;
  retries = 0;
  errors = 0;
  totalMs = 0;
  readonly byService = new Map<string, { calls: number; totalMs: number; errors: number }>();
  readonly records: CallRecord[] = [];

  constructor(private readonly keepRecords = false) {}

  add(record: CallRecord): void {
    this.calls += 1;
    this.totalMs += record.durationMs;
    if (record.attempt > 1) this.retries += 1;
    const failed = record.status === null || record.status >= 400;
    if (failed) this.errors += 1;
    const service = this.byService.get(record.service) ?? { calls: 0, totalMs: 0, errors: 0 };
    service.calls += 1;
    service.totalMs += record.durationMs;
    if (failed) service.errors += 1;
    this.byService.set(record.service, service);
    if (this.keepRecords) this.records.push(record);
  }

  summary() {
    return {
      calls: this.calls,
      retries: this.retries,
      errors: this.errors,
      totalMs: Math.round(this.totalMs),
      byService: Object.fromEntries([...this.byService].map(([name, value]) => [name, { ...value, totalMs: Math.round(value.totalMs) }])),
    };
  }
}
