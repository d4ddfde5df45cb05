import { Worker } from "node:worker_threads";
import { analyzePython, SinkIndex, type FileAnalysis, type PythonFile } from "../languages/python/analyze.js";
import type { RuleSetSpec } from "../rules/registry.js";
import type { PythonRule } from "../rules/rule.js";
import { analyzeSafely, type PythonAnalyzer } from "./analyzer.js";
import { loadPythonParser } from "./python-parser.js";
import type { PythonParser } from "../languages/python/parser.js";
import { keepHeapCompact } from "./heap.js";

interface Job {
  file: PythonFile;
  resolve: (r: FileAnalysis) => void;
  reject: (e: unknown) => void;
}

/** A message to a worker: a request of a kind its handlers know (see worker.ts), answered with the same `id`. */
export interface WorkerRequest {
  id: number;
  kind: string;
  payload: unknown;
}

interface WorkerReply {
  id?: number;
  result?: unknown;
  error?: string;
}

/** A request a worker has not answered yet; an analysis (`job`) goes back to the queue if the worker fails. */
interface Pending {
  resolve: (r: unknown) => void;
  reject: (e: unknown) => void;
  job?: Job;
}

interface WorkerSlot {
  worker: Worker;
  running: Map<number, Pending>;
  /** Analyses among `running`. */
  analysing: number;
  failure?: Error;
}

/**
 * A worker's young generation (V8's default lets it grow to 48 MB per thread): analysis garbage is short-lived,
 * and the smaller space keeps peak memory down at no measured cost in time.
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/** Files handed to one worker at a time: enough to hide message latency, few enough to balance the load. */
const IN_FLIGHT_PER_WORKER = 2;

export interface PoolOptions {
  /** Worker threads, started at once; 0 analyses everything on this thread. */
  workers: number;
  /** This thread analyses files only once this settles (it has other work first); workers start at once. */
  localStartsAfter?: Promise<unknown>;
  /** Time budget of one file in milliseconds (`--file-timeout`); undefined: none. */
  timeBudgetMs?: number;
}

/**
 * Analyses files on worker threads and on this thread at once, from one queue: workers take the largest files
 * first, this thread the smallest, so everyone finishes at about the same time. The main thread yields between
 * files so worker messages and I/O keep flowing. The workers stay until `close()`: other work can be sent to them
 * with `request`.
 */
export async function sharedQueueAnalyzer(spec: RuleSetSpec, rules: readonly PythonRule[], options: PoolOptions): Promise<PythonAnalyzer> {
  keepHeapCompact();
  const url = new URL("./worker.js", import.meta.url);
  const queue = new SizeOrderedQueue();
  let nextId = 0;
  let localBusy = false;
  let localReady = options.localStartsAfter === undefined;
  let pumpScheduled = false;
  let closed = false;

  // This thread's parser is loaded when the first file is handed in, while the scan goes on reading: a re-scan whose
  // changed files hold no rule's token (most edits of one file: 258 of the standard library's 1790 files hold one)
  // analyses nothing and never loads the grammar.
  let parser: PythonParser | undefined;
  let parserLoading: Promise<PythonParser> | undefined;
  const parserReady = () => (parserLoading ??= loadPythonParser().then((p) => (parser = p)));
  // Made with the first analysis here, for the same reason (the default rules' index takes milliseconds to build).
  let index: SinkIndex | undefined;

  const slots: WorkerSlot[] = [];
  const send = (slot: WorkerSlot, kind: string, payload: unknown, pending: Pending) => {
    const id = nextId++;
    slot.running.set(id, pending);
    if (pending.job) slot.analysing++;
    slot.worker.postMessage({ id, kind, payload } satisfies WorkerRequest);
  };
  const startWorker = () => {
    const worker = new Worker(url, { workerData: { spec, timeBudgetMs: options.timeBudgetMs }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const slot: WorkerSlot = { worker, running: new Map(), analysing: 0 };
    slots.push(slot);
    slot.worker.on("message", (msg: WorkerReply) => {
      if (msg.id === undefined) return;
      const pending = slot.running.get(msg.id);
      slot.running.delete(msg.id);
      if (pending?.job) slot.analysing--;
      if (msg.error !== undefined) pending?.reject(new Error(msg.error));
      else pending?.resolve(msg.result);
      pump();
    });
    const fail = (e: Error) => {
      if (slot.failure) return;
      slot.failure = e;
      // Give its files back to the queue: the others (and this thread) finish them. Other requests fail.
      for (const pending of slot.running.values()) {
        if (pending.job) enqueue(pending.job);
        else pending.reject(e);
      }
      slot.running.clear();
      slot.analysing = 0;
      pump();
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code) => code !== 0 && fail(new Error(`analysis worker exited with code ${code}`)));
  };
  const enqueue = (job: Job) => queue.add(job);
  const handIn = (job: Job) => {
    // A failure to load is the analysis's to report (see runLocal).
    parserReady().catch(() => {});
    enqueue(job);
  };
  while (slots.length < options.workers) startWorker();
  const startLocal = () => {
    localReady = true;
    pump();
  };
  options.localStartsAfter?.then(startLocal, startLocal);

  function pump(): void {
    for (const slot of slots) {
      while (!slot.failure && slot.analysing < IN_FLIGHT_PER_WORKER && queue.size) {
        const job = queue.takeLargest()!;
        send(slot, "analyze", job.file, { resolve: job.resolve as (r: unknown) => void, reject: job.reject, job });
      }
    }
    if (localReady && !localBusy && queue.size) {
      localBusy = true;
      setImmediate(runLocal);
    }
  }

  function runLocal(): void {
    if (!parser) {
      parserReady().then(runLocal, (e) => {
        // Without a parser this thread analyses nothing: the scan fails, as it did when the pool could not start.
        for (let job = queue.takeSmallest(); job; job = queue.takeSmallest()) job.reject(e);
        localBusy = false;
      });
      return;
    }
    const job = queue.takeSmallest();
    index ??= new SinkIndex(rules);
    if (job) job.resolve(analyzeSafely(() => analyzePython(parser!, job.file, index!, { timeBudgetMs: options.timeBudgetMs }), job.file.path));
    localBusy = false;
    pump();
  }

  return {
    get workers() {
      return closed ? 0 : slots.filter((s) => !s.failure).length;
    },
    analyze(file) {
      const analysis = new Promise<FileAnalysis>((resolve, reject) => {
        handIn({ file, resolve, reject });
        if (!pumpScheduled) {
          pumpScheduled = true;
          queueMicrotask(() => {
            pumpScheduled = false;
            pump();
          });
        }
      });
      // A scan awaits its analyses only once it has read every file: a failure is reported to it then, not as an
      // unhandled rejection now.
      analysis.catch(() => {});
      return analysis;
    },
    request(kind, payload) {
      return new Promise((resolve, reject) => {
        const live = closed ? [] : slots.filter((s) => !s.failure);
        if (!live.length) return reject(new Error("no analysis worker is running"));
        const idlest = live.reduce((a, b) => (b.running.size < a.running.size ? b : a));
        send(idlest, kind, payload, { resolve, reject });
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * Jobs by source length, largest first. New jobs wait in a batch that is sorted and merged in when a job is taken,
 * and both ends are taken in constant time: handing in n files costs O(n log n) plus one linear merge per batch,
 * where re-sorting the whole queue for every batch and shifting its front cost O(n^2 log n) on large projects.
 */
class SizeOrderedQueue {
  private sorted: Job[] = [];
  private front = 0;
  private pending: Job[] = [];

  get size(): number {
    return this.sorted.length - this.front + this.pending.length;
  }

  add(job: Job): void {
    this.pending.push(job);
  }

  takeLargest(): Job | undefined {
    this.settle();
    return this.front < this.sorted.length ? this.sorted[this.front++] : undefined;
  }

  takeSmallest(): Job | undefined {
    this.settle();
    return this.front < this.sorted.length ? this.sorted.pop() : undefined;
  }

  private settle(): void {
    if (!this.pending.length) return;
    const longer = (a: Job, b: Job) => b.file.source.length - a.file.source.length;
    const fresh = this.pending.sort(longer);
    const merged: Job[] = [];
    let i = this.front;
    let j = 0;
    while (i < this.sorted.length || j < fresh.length) {
      if (j >= fresh.length || (i < this.sorted.length && longer(this.sorted[i], fresh[j]) <= 0)) merged.push(this.sorted[i++]);
      else merged.push(fresh[j++]);
    }
    this.sorted = merged;
    this.front = 0;
    this.pending = [];
  }
}
