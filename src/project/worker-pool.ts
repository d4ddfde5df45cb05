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

interface WorkerSlot {
  worker: Worker;
  running: Map<number, Job>;
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
  /** The most worker threads to start; 0 analyses everything on this thread. */
  maxWorkers: number;
  /**
   * Workers start only as the source handed in grows, so that every thread (this one included) has at least this
   * many characters to analyse (0: all at once): a worker costs a start-up and its own warm-up of the compiled
   * code, which a smaller share does not pay back.
   */
  sourcePerThread: number;
  /** This thread analyses files only once this settles (it has other work first); workers start at once. */
  localStartsAfter?: Promise<unknown>;
  /** Time budget of one file in milliseconds (`--file-timeout`); undefined: none. */
  timeBudgetMs?: number;
}

/**
 * Analyses files on worker threads and on this thread at once, from one queue: workers take the largest files
 * first, this thread the smallest, so everyone finishes at about the same time. The main thread yields between
 * files so worker messages and I/O keep flowing.
 */
export async function sharedQueueAnalyzer(spec: RuleSetSpec, rules: readonly PythonRule[], options: PoolOptions): Promise<PythonAnalyzer> {
  keepHeapCompact();
  const url = new URL("./worker.js", import.meta.url);
  const queue = new SizeOrderedQueue();
  let enqueuedChars = 0;
  let nextId = 0;
  let localBusy = false;
  let localReady = options.localStartsAfter === undefined;
  let pumpScheduled = false;

  // This thread's parser is loaded when the first file is handed in, while the scan goes on reading: a re-scan whose
  // changed files hold no rule's token (most edits of one file: 258 of the standard library's 1790 files hold one)
  // analyses nothing and never loads the grammar.
  let parser: PythonParser | undefined;
  let parserLoading: Promise<PythonParser> | undefined;
  const parserReady = () => (parserLoading ??= loadPythonParser().then((p) => (parser = p)));
  // Made with the first analysis here, for the same reason (the default rules' index takes milliseconds to build).
  let index: SinkIndex | undefined;

  const slots: WorkerSlot[] = [];
  const startWorker = () => {
    const worker = new Worker(url, { workerData: { spec, timeBudgetMs: options.timeBudgetMs }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const slot: WorkerSlot = { worker, running: new Map() };
    slots.push(slot);
    slot.worker.on("message", (msg: { id?: number; result?: FileAnalysis }) => {
      if (msg.id === undefined) return;
      const job = slot.running.get(msg.id);
      slot.running.delete(msg.id);
      job?.resolve(msg.result!);
      pump();
    });
    const fail = (e: Error) => {
      if (slot.failure) return;
      slot.failure = e;
      // Give its files back to the queue: the others (and this thread) finish them.
      for (const job of slot.running.values()) enqueue(job);
      slot.running.clear();
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
    enqueuedChars += job.file.source.length;
    while (slots.length < options.maxWorkers && enqueuedChars >= (slots.length + 2) * options.sourcePerThread) startWorker();
  };
  if (options.sourcePerThread === 0) while (slots.length < options.maxWorkers) startWorker();
  const startLocal = () => {
    localReady = true;
    pump();
  };
  options.localStartsAfter?.then(startLocal, startLocal);

  function pump(): void {
    for (const slot of slots) {
      while (!slot.failure && slot.running.size < IN_FLIGHT_PER_WORKER && queue.size) {
        const job = queue.takeLargest()!;
        const id = nextId++;
        slot.running.set(id, job);
        slot.worker.postMessage({ id, file: job.file });
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
    async close() {
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
