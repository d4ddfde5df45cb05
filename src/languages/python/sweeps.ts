/**
 * A set of name keys (see `identifierKey`) that tells its listeners of every key added, once it has some.
 */
export class WatchedKeys extends Set<number> {
  private listeners: ((key: number) => void)[] | undefined = undefined;

  listen(listener: (key: number) => void): void {
    (this.listeners ??= []).push(listener);
  }

  override add(key: number): this {
    if (this.listeners === undefined || this.has(key)) return super.add(key);
    super.add(key);
    for (const listener of this.listeners) listener(key);
    return this;
  }
}

/** Which items read a watched set: those that read a key of it, by key. */
export interface Readers {
  keys: WatchedKeys;
  readersOf(key: number): readonly number[] | undefined;
}

/** Full sweeps before only the items whose inputs grew are visited: real files settle in two to four. */
const FULL_SWEEPS = 4;

/**
 * Runs `visit` over items `0..count-1` in sweeps until one changes nothing, as
 * `for (let changed = true; changed; ) { changed = false; for (i...) if (visit(i)) changed = true; }` does, but
 * after a few full sweeps visits only the items whose inputs grew since their last visit, in the same order: an
 * item is visited again in the same sweep when what it reads grew before the sweep reached it, in the next sweep
 * otherwise. The result is the same wherever a visit changes nothing unless what it reads grew (its own progress
 * is made in one visit), and a chain of `n` definitions that runs against the file's order (`f0` calls `f1` ...
 * calls a sink) takes `n` visits instead of `n` full sweeps (300 KB of one-line functions took 7-9 s).
 *
 * An item reads the keys `readers` say it reads, or, if `readsEverything(i)` (a class whose members are chosen one by
 * one), any key added to any of the sets. Those are asked once the full sweeps are over, so lists need not be built
 * for files that settle before.
 */
export function sweepToFixedPoint(count: number, visit: (i: number) => boolean, readers: () => Readers[], readsEverything: (i: number) => boolean): void {
  for (let sweep = 0; sweep < FULL_SWEEPS; sweep++) {
    let changed = false;
    for (let i = 0; i < count; i++) if (visit(i)) changed = true;
    if (!changed) return;
  }
  new ChangedOnly(count, visit, readers(), readsEverything).run();
}

/** The sweeps of `sweepToFixedPoint` after the full ones. */
class ChangedOnly {
  private current = new MinHeap();
  private next = new MinHeap();
  private readonly inCurrent: Uint8Array;
  private readonly inNext: Uint8Array;
  /** The item being visited in the current sweep (-1 before the first). */
  private at = -1;
  /** Keys added to any watched set so far, and for each item that reads everything, how many there were when it was last visited. */
  private added = 0;
  private readonly seen = new Map<number, number>();
  private readonly everything: number[] = [];

  constructor(
    count: number,
    private readonly visit: (i: number) => boolean,
    readers: readonly Readers[],
    private readonly readsEverything: (i: number) => boolean,
  ) {
    this.inCurrent = new Uint8Array(count);
    this.inNext = new Uint8Array(count);
    for (const r of readers) {
      r.keys.listen((key) => {
        this.added++;
        const items = r.readersOf(key);
        if (items) for (const i of items) this.schedule(i);
      });
    }
    for (let i = 0; i < count; i++) this.schedule(i);
  }

  run(): void {
    for (;;) {
      this.sweep();
      if (this.next.size === 0 && !this.everything.some((i) => this.seen.get(i)! < this.added)) return;
      [this.current, this.next] = [this.next, this.current];
      this.inCurrent.set(this.inNext);
      this.inNext.fill(0);
      this.at = -1;
    }
  }

  private sweep(): void {
    let e = 0;
    for (;;) {
      while (e < this.everything.length && this.everything[e] <= this.at) e++;
      const scheduled = this.current.size > 0 ? this.current.peek() : Infinity;
      const other = e < this.everything.length ? this.everything[e] : Infinity;
      if (other < scheduled && this.seen.get(other)! >= this.added) {
        // Nothing due comes before it in this sweep, so nothing can be added before the sweep passes it.
        e++;
        continue;
      }
      const i = Math.min(scheduled, other);
      if (i === Infinity) return;
      if (i === scheduled) {
        this.current.pop();
        this.inCurrent[i] = 0;
      }
      this.at = i;
      const before = this.added;
      if (this.seen.has(i)) this.seen.set(i, before);
      this.visit(i);
      if (!this.seen.has(i) && this.readsEverything(i)) this.readAll(i, before);
    }
  }

  private schedule(i: number): void {
    if (i > this.at) {
      if (!this.inCurrent[i]) {
        this.inCurrent[i] = 1;
        this.current.push(i);
      }
    } else if (!this.inNext[i]) {
      this.inNext[i] = 1;
      this.next.push(i);
    }
  }

  /** From now on `i` reads every key; what was added during the visit that made it so is still due to it. */
  private readAll(i: number, before: number): void {
    this.seen.set(i, before);
    let at = this.everything.length;
    this.everything.push(i);
    while (at > 0 && this.everything[at - 1] > i) {
      this.everything[at] = this.everything[at - 1];
      at--;
    }
    this.everything[at] = i;
  }
}

/** A binary min-heap of item indexes. */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0];
  }

  push(value: number): void {
    const a = this.items;
    let i = a.length;
    a.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= value) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = value;
  }

  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && a[r] < a[l] ? r : l;
      if (a[c] >= last) break;
      a[i] = a[c];
      i = c;
    }
    a[i] = last;
    return top;
  }
}

/**
 * Passes over a list whose items are visited only when due: when a key they read (see `Readers`) was added since
 * their last visit, or never visited. A pass visits the due items in order, as a loop over the whole list would
 * visit them where a visit can change anything: what an item adds is due to the later items in the same pass, and
 * to itself and the earlier ones in the next pass; what is added between passes, in the next pass.
 */
export class DuePasses {
  private current = new MinHeap();
  private next = new MinHeap();
  private readonly inCurrent: Uint8Array;
  private readonly inNext: Uint8Array;
  private at = -1;
  private passing = false;

  constructor(count: number, readers: readonly Readers[]) {
    this.inCurrent = new Uint8Array(count);
    this.inNext = new Uint8Array(count);
    for (const r of readers) {
      r.keys.listen((key) => {
        const items = r.readersOf(key);
        if (items) for (const i of items) this.schedule(i);
      });
    }
    for (let i = 0; i < count; i++) this.schedule(i);
  }

  /** One pass over the due items, in order; true when a visit changed something. */
  pass(visit: (i: number) => boolean): boolean {
    while (this.next.size > 0) {
      const i = this.next.pop();
      this.inNext[i] = 0;
      if (!this.inCurrent[i]) {
        this.inCurrent[i] = 1;
        this.current.push(i);
      }
    }
    let changed = false;
    this.passing = true;
    this.at = -1;
    while (this.current.size > 0) {
      const i = this.current.pop();
      this.inCurrent[i] = 0;
      this.at = i;
      if (visit(i)) changed = true;
    }
    this.passing = false;
    return changed;
  }

  /** `i` reads a key that was just added. */
  schedule(i: number): void {
    if (this.passing && i > this.at) {
      if (!this.inCurrent[i]) {
        this.inCurrent[i] = 1;
        this.current.push(i);
      }
    } else if (!this.inNext[i]) {
      this.inNext[i] = 1;
      this.next.push(i);
    }
  }
}
