// What the fuzzing campaign calls: the public library API, and the in-memory byte source the browser uses.
export { analyzeSource, scanArtifact, scanProject } from "../src/index.js";
export { memorySource as memorySourceOf } from "../src/artifacts/index.js";
export { toolInfo } from "../src/cli/version.js";
