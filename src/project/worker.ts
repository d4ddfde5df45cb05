import { parentPort, workerData } from "node:worker_threads";
import { analyzePython, SinkIndex, type PythonFile } from "../languages/python/analyze.js";
import { buildRuleSet, type RuleSetSpec } from "../rules/registry.js";
import { analyzeSafely } from "./analyzer.js";
import { loadPythonParser } from "./python-parser.js";
import type { WorkerRequest } from "./worker-pool.js";

/** Worker side of the pool: rule objects hold functions, so the rules are rebuilt here from their spec. */
const { spec, timeBudgetMs } = workerData as { spec: RuleSetSpec; timeBudgetMs?: number };
const index = new SinkIndex(buildRuleSet(spec));
const parser = await loadPythonParser();

/**
 * What this worker does for each kind of request, with the warm parser and rule index of the first pass: a module
 * that wants work done here adds its kind (and sends it with `PythonAnalyzer.request`). A handler's answer goes back
 * by structured clone.
 */
const handlers: Record<string, (payload: never) => unknown> = {
  analyze: (file: PythonFile) => analyzeSafely(() => analyzePython(parser, file, index, { timeBudgetMs }), file.path),
};

parentPort!.on("message", (msg: WorkerRequest) => {
  const handler = handlers[msg.kind];
  if (!handler) {
    parentPort!.postMessage({ id: msg.id, error: `no handler for "${msg.kind}" in the analysis worker` });
    return;
  }
  let result: unknown;
  try {
    result = handler(msg.payload as never);
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message ?? String(e) });
    return;
  }
  parentPort!.postMessage({ id: msg.id, result });
});
parentPort!.postMessage({ ready: true });
