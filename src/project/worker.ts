import { parentPort, workerData } from "node:worker_threads";
import { analyzePython, SinkIndex, type PythonFile } from "../languages/python/analyze.js";
import { resolveRulesets } from "../rules/registry.js";
import { analyzeSafely } from "./analyzer.js";
import { loadPythonParser } from "./python-parser.js";

/** Worker side of the pool: rules are re-resolved from their IDs (rule objects hold functions). */
const { ruleIds } = workerData as { ruleIds: string[] };
const resolution = resolveRulesets(ruleIds.map((id) => `python/${id}`));
if (!resolution.ok) throw new Error(resolution.error);
const index = new SinkIndex(resolution.rules);
const parser = await loadPythonParser();

parentPort!.on("message", (msg: { id: number; file: PythonFile }) => {
  const result = analyzeSafely(() => analyzePython(parser, msg.file, index), msg.file.path);
  parentPort!.postMessage({ id: msg.id, result });
});
parentPort!.postMessage({ ready: true });
