// Child process of the benchmark: a default Pathfinder scan through the library API.
import { scanProject } from "../src/project/scan.js";
import { toolInfo } from "../src/cli/version.js";

const [target, jobs] = process.argv.slice(2);
const started = performance.now();
const report = await scanProject({
  target,
  rulesets: [],
  include: [],
  exclude: [],
  skipTests: false,
  gitignore: true,
  maxFileSize: 5 * 1024 * 1024,
  jobs: jobs === undefined ? undefined : Number(jobs),
  tool: toolInfo(),
});
const ms = performance.now() - started;
const hits = report.findings.map((f) => ({ file: f.location.file, line: f.location.line, rule: f.ruleId }));
process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, filesScanned: report.scan.filesScanned, hits, errors: report.errors.length }));
