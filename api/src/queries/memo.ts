import type { Db } from '../db/connect.ts';
import { dataVersion } from './datasets.ts';

/**
 * Results that only change when data changes (catalogue, areas, benchmark aggregates), kept until
 * the data version moves. The version itself is trusted for `recheckMs` (GKA_DATA_RECHECK_MS), so an
 * import shows up within that time on every instance without any coordination between them.
 */
export class DataMemo {
  private checked?: { value: Promise<string>; at: number };
  private current?: string;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly recheckMs: number,
  ) {}

  version(): Promise<string> {
    const now = Date.now();
    if (!this.checked || now - this.checked.at >= this.recheckMs) {
      const value = dataVersion(this.db);
      this.checked = { value, at: now };
      value.catch(() => (this.checked = undefined));
    }
    return this.checked.value;
  }

  /** Keys must come from validated, existing codes so the memo stays as small as the catalogue. */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const v = await this.version();
    if (v !== this.current) {
      this.entries.clear();
      this.current = v;
    }
    let p = this.entries.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.entries.set(key, p);
      p.catch(() => this.entries.delete(key));
    }
    return p;
  }
}
