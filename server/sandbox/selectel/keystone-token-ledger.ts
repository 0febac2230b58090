/**
 * What the api.selectel.ru surface knows about Keystone tokens. The mounted OpenStack sandbox keeps its token
 * store to itself, so the Selectel sandbox notes every token Keystone issues on its way out (header
 * X-Subject-Token + the scope in the body) — the same thing a front proxy could see.
 */
export interface LedgerEntry {
  domain?: { id?: string; name?: string };
  projectId?: string;
  expiresAt: number;
}

export class KeystoneTokenLedger {
  private readonly entries = new Map<string, LedgerEntry>();

  constructor(private readonly now: () => Date) {}

  /** Reads a POST /identity/v3/auth/tokens answer; anything but a 201 with a token is ignored. */
  async observe(response: Response): Promise<void> {
    const token = response.headers.get("x-subject-token");
    if (response.status !== 201 || !token) return;
    const body = (await response.clone().json()) as { token?: { expires_at?: string; domain?: { id?: string; name?: string }; project?: { id?: string } } };
    const expiresAt = Date.parse(body.token?.expires_at?.replace(/(\.\d{3})\d*/, "$1") ?? "");
    this.entries.set(token, {
      domain: body.token?.domain,
      projectId: body.token?.project?.id,
      expiresAt: Number.isFinite(expiresAt) ? expiresAt : this.now().getTime() + 3_600_000,
    });
  }

  find(token: string): LedgerEntry | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (entry.expiresAt <= this.now().getTime()) {
      this.entries.delete(token);
      return null;
    }
    return entry;
  }
}
