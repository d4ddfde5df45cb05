// Child process of the benchmark: runs ruff (WebAssembly build) with S301,S302 over a list of files.
import { readFileSync } from "node:fs";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";

const [listFile] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listFile, "utf8")) as { abs: string; rel: string }[];
const started = performance.now();
const workspace = new Workspace({ lint: { select: ["S301", "S302"] } }, PositionEncoding.Utf16);
const hits: { file: string; line: number; code: string }[] = [];
for (const f of files) {
  const source = readFileSync(f.abs, "utf8");
  for (const d of workspace.check(source) as { code: string; start_location: { row: number } }[]) {
    hits.push({ file: f.rel, line: d.start_location.row, code: d.code });
  }
}
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, hits }));
