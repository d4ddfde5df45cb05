import { Worker } from "node:worker_threads";
import type { FileAnalysis, PythonFile } from "../languages/python/analyze.js";
import type { RuleSetSpec } from "../rules/registry.js";
import type { PythonAnalyzer } from "./analyzer.js";

interface Pending {
  resolve: (r: FileAnalysis) => void;
  reject: (e: Error) => void;
  file: PythonFile;
}

/** Spreads files over `size` worker threads, each with its own parser; least-loaded worker first. */
export function workerPoolAnalyzer(spec: RuleSetSpec, size: number): PythonAnalyzer {
  const url = new URL("./worker.js", import.meta.url);
  let nextId = 0;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(url, { workerData: { spec } });
    const pending = new Map<number, Pending>();
    const slot = { worker, pending, failure: undefined as Error | undefined };
    worker.on("message", (msg: { id?: number; result?: FileAnalysis }) => {
      if (msg.id === undefined) return;
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      p?.resolve(msg.result!);
    });
    const failAll = (e: Error) => {
      slot.failure = e;
      for (const p of pending.values()) {
        p.resolve({
          findings: [],
          parsed: false,
          errors: [{ file: p.file.path, kind: "internal", level: "error", message: `analysis worker failed: ${e.message}` }],
        });
      }
      pending.clear();
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => code !== 0 && failAll(new Error(`exited with code ${code}`)));
    return slot;
  });
  return {
    analyze(file) {
      const alive = workers.filter((w) => !w.failure);
      if (!alive.length) {
        const message = `analysis workers failed: ${workers[0].failure?.message}`;
        return Promise.resolve({ findings: [], parsed: false, errors: [{ file: file.path, kind: "internal", level: "error", message }] });
      }
      const target = alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<FileAnalysis>((resolve, reject) => {
        target.pending.set(id, { resolve, reject, file });
        target.worker.postMessage({ id, file });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
