import type { DataChanges } from '../cache/data-changes.js';
import type { SessionUserRow } from './auth.repository.js';

/** Long enough to spare the database a query on every request of a busy screen, short enough to bound an unseen change. */
export const SESSION_CACHE_TTL_MS = 10_000;
const CAPACITY = 10_000;

interface Entry {
  row: SessionUserRow;
  version: number;
  expiresAt: number;
}

/**
 * Validated sessions by token hash. An entry is dropped at once by any
 * committed change to sessions or users, from this process or (by
 * notification) another one: sign-out, password change, disabling, role or
 * unit change. A session's own expiry is kept too.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly changes: DataChanges | undefined) {}

  find(tokenHash: string): SessionUserRow | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.version !== this.changes?.version('sessions') || entry.expiresAt <= Date.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.row;
  }

  /** `version` is read before the session was looked up, so that a concurrent sign-out leaves this entry unusable. */
  remember(tokenHash: string, row: SessionUserRow, version: number | null, sessionExpiresAt: Date): void {
    if (version === null) return;
    this.entries.set(tokenHash, { row, version, expiresAt: Math.min(Date.now() + SESSION_CACHE_TTL_MS, sessionExpiresAt.getTime()) });
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}
