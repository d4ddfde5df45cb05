import { readFileSync } from "node:fs";
import type { ScanReport } from "../core/types.js";

interface PackageJson {
  version: string;
  homepage: string;
}

let cached: PackageJson | undefined;

function packageJson(): PackageJson {
  if (!cached) {
    // The action bundle carries its own copy beside it; the CLI bundle is build/cli/pathfinder.js, the compiled
    // module build/src/cli/version.js.
    for (const rel of ["./package.json", "../../package.json", "../../../package.json"]) {
      try {
        cached = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as PackageJson;
        break;
      } catch {
        // try the next location
      }
    }
    cached ??= { version: "0.0.0", homepage: "" };
  }
  return cached;
}

export function toolInfo(): ScanReport["tool"] {
  const pkg = packageJson();
  return { name: "pathfinder", version: pkg.version, informationUri: pkg.homepage };
}
