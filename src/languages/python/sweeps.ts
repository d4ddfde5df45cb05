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
  private readonly due: DueQueue;
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
    this.due = new DueQueue(count, readers, () => this.added++);
  }

  run(): void {
    do this.sweep();
    while (this.due.anyNext() || this.everything.some((i) => this.seen.get(i)! < this.added));
  }

  private sweep(): void {
    const due = this.due;
    due.startPass();
    let e = 0;
    for (;;) {
      while (e < this.everything.length && this.everything[e] <= due.at) e++;
      const scheduled = due.peek();
      const other = e < this.everything.length ? this.everything[e] : Infinity;
      if (other < scheduled && this.seen.get(other)! >= this.added) {
        // Nothing due comes before it in this sweep, so nothing can be added before the sweep passes it.
        e++;
        continue;
      }
      const i = Math.min(scheduled, other);
      if (i === Infinity) break;
      if (i === scheduled) due.take();
      else due.at = i;
      const before = this.added;
      if (this.seen.has(i)) this.seen.set(i, before);
      this.visit(i);
      if (!this.seen.has(i) && this.readsEverything(i)) this.readAll(i, before);
    }
    due.endPass();
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

/**
 * Items due in the current pass over a list, and in the next: every item at first, then those that read a key just
 * added (see `Readers`). During a pass, an item scheduled after the one being visited is due in this pass, any other
 * in the next; between passes, everything scheduled is due in the next.
 */
class DueQueue {
  private readonly current = new MinHeap();
  private readonly next = new MinHeap();
  private readonly inCurrent: Uint8Array;
  private readonly inNext: Uint8Array;
  /** The item being visited in the current pass (-1 before the first). */
  at = -1;
  private passing = false;

  constructor(count: number, readers: readonly Readers[], onAdd?: () => void) {
    this.inCurrent = new Uint8Array(count);
    this.inNext = new Uint8Array(count);
    for (const r of readers) {
      r.keys.listen((key) => {
        onAdd?.();
        const items = r.readersOf(key);
        if (items) for (const i of items) this.schedule(i);
      });
    }
    for (let i = 0; i < count; i++) this.schedule(i);
  }

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

  anyNext(): boolean {
    return this.next.size > 0;
  }

  /** What was due in the next pass is due now. */
  startPass(): void {
    while (this.next.size > 0) {
      const i = this.next.pop();
      this.inNext[i] = 0;
      if (!this.inCurrent[i]) {
        this.inCurrent[i] = 1;
        this.current.push(i);
      }
    }
    this.passing = true;
    this.at = -1;
  }

  endPass(): void {
    this.passing = false;
  }

  /** The first item due in this pass; Infinity when none is. */
  peek(): number {
    return this.current.size > 0 ? this.current.peek() : Infinity;
  }

  /** Takes the first item due in this pass, as the one being visited. */
  take(): number {
    const i = this.current.pop();
    this.inCurrent[i] = 0;
    this.at = i;
    return i;
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
  private readonly due: DueQueue;

  constructor(count: number, readers: readonly Readers[]) {
    this.due = new DueQueue(count, readers);
  }

  /** One pass over the due items, in order; true when a visit changed something. */
  pass(visit: (i: number) => boolean): boolean {
    const due = this.due;
    let changed = false;
    due.startPass();
    while (due.peek() !== Infinity) if (visit(due.take())) changed = true;
    due.endPass();
    return changed;
  }
}
