// The artifact part of `npm run bench` alone (a 2 GiB sparse checkpoint, 1,000 small pickles, the mixed model-file
// folder against picklescan): `npm run build && BENCH_RUNS=5 PYTHON=python3 PICKLESCAN_SRC=<checkout>/src node build/bench/artifacts-only.js`.
import { benchArtifacts } from "./artifacts.js";

await benchArtifacts();
