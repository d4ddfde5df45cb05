// What `lazy-analysis.ts` loads on demand: the entry points of the Python analysis a project scan calls.
export { SinkIndex } from "../languages/python/analyze.js";
export { loadPythonParser } from "./python-parser.js";
export { analyzeWholeProgram } from "./whole-program.js";
export { sharedQueueAnalyzer } from "./worker-pool.js";
