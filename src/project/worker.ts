import { parentPort, workerData } from "node:worker_threads";
import { analyzePython, SinkIndex, type PythonFile } from "../languages/python/analyze.js";
import { buildRuleSet, type RuleSetSpec } from "../rules/registry.js";
import { analyzeSafely } from "./analyzer.js";
import { loadPythonParser } from "./python-parser.js";

/** Worker side of the pool: rule objects hold functions, so the rules are rebuilt here from their spec. */
const { spec, timeBudgetMs } = workerData as { spec: RuleSetSpec; timeBudgetMs?: number };
const index = new SinkIndex(buildRuleSet(spec));
const parser = await loadPythonParser();

parentPort!.on("message", (msg: { id: number; file: PythonFile }) => {
  const result = analyzeSafely(() => analyzePython(parser, msg.file, index, { timeBudgetMs }), msg.file.path);
  parentPort!.postMessage({ id: msg.id, result });
});
parentPort!.postMessage({ ready: true });
