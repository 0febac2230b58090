/**
 * A small TTL cache for slow-changing provider data (catalogs, flavors, prices). Concurrent loads of one
 * key share a single request; failures are not cached. Hit/miss counts feed the sync's metrics.
 */
export class TtlCache {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly defaultTtlMs = 10 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async getOrLoad<T>(key: string, load: () => Promise<T>, ttlMs = this.defaultTtlMs): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.clock()) {
      this.hits += 1;
      return entry.value as T;
    }
    const pending = this.inflight.get(key);
    if (pending) {
      this.hits += 1;
      return pending as Promise<T>;
    }
    this.misses += 1;
    const promise = load().then(
      (value) => {
        this.entries.set(key, { value, expiresAt: this.clock() + ttlMs });
        this.inflight.delete(key);
        return value;
      },
      (error: unknown) => {
        this.inflight.delete(key);
        throw error;
      },
    );
    this.inflight.set(key, promise);
    return promise;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  stats() {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }
}
