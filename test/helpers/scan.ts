// A project scan through the library API as most tests want it: every rule, no excludes, .gitignore ignored,
// analysis on the main thread.
import { scanProject, type ScanOptions } from "../../src/index.js";

export const TEST_TOOL = { name: "pathfinder", version: "test", informationUri: "https://example.invalid" };

export function scanForTest(target: string, extra: Partial<ScanOptions> = {}): ReturnType<typeof scanProject> {
  return scanProject({ target, rulesets: [], include: [], exclude: [], skipTests: false, gitignore: false, maxFileSize: 1 << 20, jobs: 0, tool: TEST_TOOL, ...extra });
}
