// Lookups made by work running side by side (the letters being processed at once), answered by
// one query per turn of the event loop instead of one each: on the embedded store a query's fixed
// cost is far more than the rows it finds.
export class BatchedLookup<K, V> {
  private waiting = new Map<K, { ok: (v: V) => void; fail: (e: unknown) => void }[]>();

  /** `find` answers many keys at once; keys it leaves out get `missing`. */
  constructor(private find: (keys: K[]) => Promise<Map<K, V>>, private missing: () => V) {}

  get(key: K): Promise<V> {
    return new Promise<V>((ok, fail) => {
      if (!this.waiting.size) setImmediate(() => void this.flush());
      const list = this.waiting.get(key);
      if (list) list.push({ ok, fail });
      else this.waiting.set(key, [{ ok, fail }]);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    try {
      const found = await this.find([...batch.keys()]);
      for (const [k, list] of batch) for (const w of list) w.ok(found.get(k) ?? this.missing());
    } catch (e) {
      for (const list of batch.values()) for (const w of list) w.fail(e);
    }
  }
}
