// Group commit: work items that arrive while a transaction is running are written together in
// the next one. On the embedded store every statement costs the same single thread, so writing
// ten letters with one statement per table instead of ten is what lets ingest keep up with a
// hospital's bursts. Each caller still learns only when its own item is committed. If a batch
// fails, its items are retried one by one, so one bad letter fails alone.
import type { Db } from '../store/db.ts';

export type Flush<T, R> = (tx: Db, items: T[]) => Promise<R[]>;

export class GroupCommit<T, R> {
  private pending: { item: T; ok: (r: R) => void; fail: (e: unknown) => void }[] = [];
  private running = false;
  private lingering: ReturnType<typeof setTimeout> | undefined;

  /**
   * lingerMs: how long a batch that is not full waits for more items before it is written. For
   * work nobody is waiting on (processed letters): at a steady trickle each item would otherwise
   * pay a whole transaction of its own on the store's single thread, time that arrivals' acks
   * then wait behind.
   */
  constructor(private db: Db, private flush: Flush<T, R>, private maxBatch = 32, private lingerMs = 0) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((ok, fail) => {
      this.pending.push({ item, ok, fail });
      if (this.lingering && this.pending.length >= this.maxBatch) {
        clearTimeout(this.lingering);
        this.lingering = undefined;
        void this.drain();
      } else if (!this.running) {
        this.running = true;
        if (this.lingerMs > 0) this.lingering = setTimeout(() => { this.lingering = undefined; void this.drain(); }, this.lingerMs);
        else setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        const results = await this.db.transaction((tx) => this.flush(tx, batch.map((b) => b.item)));
        batch.forEach((b, i) => b.ok(results[i]));
      } catch (e) {
        if (batch.length === 1) { batch[0].fail(e); continue; }
        for (const b of batch) {
          try {
            const [r] = await this.db.transaction((tx) => this.flush(tx, [b.item]));
            b.ok(r);
          } catch (e2) { b.fail(e2); }
        }
      }
    }
    this.running = false;
  }
}
