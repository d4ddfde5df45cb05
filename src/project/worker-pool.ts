import { Worker } from "node:worker_threads";
import { analyzePython, SinkIndex, type FileAnalysis, type PythonFile } from "../languages/python/analyze.js";
import type { RuleSetSpec } from "../rules/registry.js";
import type { PythonRule } from "../rules/rule.js";
import { analyzeSafely, type PythonAnalyzer } from "./analyzer.js";
import { loadPythonParser } from "./python-parser.js";

interface Job {
  file: PythonFile;
  resolve: (r: FileAnalysis) => void;
}

interface WorkerSlot {
  worker: Worker;
  running: Map<number, Job>;
  failure?: Error;
}

/** Files handed to one worker at a time: enough to hide message latency, few enough to balance the load. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Analyses files on `workerCount` worker threads and on this thread at once, from one queue: workers take the
 * largest files first, this thread the smallest, so everyone finishes at about the same time. The main thread
 * yields between files so worker messages and I/O keep flowing.
 */
export async function sharedQueueAnalyzer(spec: RuleSetSpec, rules: readonly PythonRule[], workerCount: number): Promise<PythonAnalyzer> {
  const url = new URL("./worker.js", import.meta.url);
  const queue: Job[] = [];
  let sorted = true;
  let nextId = 0;
  let localBusy = false;
  let pumpScheduled = false;

  const parser = await loadPythonParser();
  const index = new SinkIndex(rules);

  const slots: WorkerSlot[] = Array.from({ length: workerCount }, () => {
    const slot: WorkerSlot = { worker: new Worker(url, { workerData: { spec } }), running: new Map() };
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
      for (const job of slot.running.values()) queue.push(job);
      slot.running.clear();
      sorted = false;
      pump();
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code) => code !== 0 && fail(new Error(`analysis worker exited with code ${code}`)));
    return slot;
  });

  function pump(): void {
    if (!sorted) {
      queue.sort((a, b) => b.file.source.length - a.file.source.length);
      sorted = true;
    }
    for (const slot of slots) {
      while (!slot.failure && slot.running.size < IN_FLIGHT_PER_WORKER && queue.length) {
        const job = queue.shift()!;
        const id = nextId++;
        slot.running.set(id, job);
        slot.worker.postMessage({ id, file: job.file });
      }
    }
    if (!localBusy && queue.length) {
      localBusy = true;
      setImmediate(runLocal);
    }
  }

  function runLocal(): void {
    const job = queue.pop();
    if (job) job.resolve(analyzeSafely(() => analyzePython(parser, job.file, index), job.file.path));
    localBusy = false;
    pump();
  }

  return {
    analyze(file) {
      return new Promise<FileAnalysis>((resolve) => {
        queue.push({ file, resolve });
        sorted = false;
        if (!pumpScheduled) {
          pumpScheduled = true;
          queueMicrotask(() => {
            pumpScheduled = false;
            pump();
          });
        }
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
