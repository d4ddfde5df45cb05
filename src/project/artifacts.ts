// Artifact files in a project scan: pick the discovered files that look like pickles or pickle containers
// (by extension hint or by their first bytes) and scan each through a seeking file ByteSource.
import type { Finding, RuleMeta, ScanError } from "../core/types.js";
import { ARTIFACT_RULES } from "../artifacts/rules.js";
import type { PickleScanOptions } from "../artifacts/types.js";
import { openFileByteSource } from "./byte-source.js";
import { readHead, unreadable } from "./read-source.js";
import { compareText } from "../core/order.js";
import type { FileHeads } from "./file-heads.js";
import type { DiscoveredFile } from "./discover.js";
import { appendAll } from "../core/arrays.js";
import { projectGlobalsOf, type ScannedText } from "./project-globals.js";
import { HEAVY_INPUT_BYTES, holdBelowTopTier, type JitHold } from "./short-run-jit.js";

/**
 * Decompressed bytes one project scan may produce across all its model files (each file is also capped at the
 * analyser's maxDecompressedBytes): N decompression bombs cost one budget, not N.
 */
export const SCAN_DECOMPRESSION_BUDGET = 1024 * 1024 * 1024;

export interface ArtifactFilesResult {
  findings: Finding[];
  errors: ScanError[];
  /** Files that were scanned as artifacts. */
  scanned: number;
}

/**
 * Scans the files that look like pickles or pickle containers, one after the other. A file's name or first
 * bytes decide (read with one small synchronous read, so the hundreds of ordinary files in a project cost little);
 * only candidates are opened as a ByteSource, which may read them whole.
 */
export async function scanArtifactFiles(
  files: readonly DiscoveredFile[],
  pickleOptions: Partial<PickleScanOptions>,
  onScanned?: () => void,
  /** The project's Python files: classes and functions they define are judged by their source, not as unknown. */
  pythonFiles: readonly DiscoveredFile[] = [],
  /** Word searches of those files as the scan read them, so that looking a name up need not decode them again. */
  scannedText?: ScannedText,
  /** Where the first bytes of the files read are left for other checks of the same files (see `FileHeads`). */
  heads?: FileHeads,
): Promise<ArtifactFilesResult> {
  const result: ArtifactFilesResult = { findings: [], errors: [], scanned: 0 };
  const jit = holdBelowTopTier();
  try {
    return await scanEach(files, pickleOptions, pythonFiles, result, jit, onScanned, scannedText, heads);
  } finally {
    jit.end();
  }
}

async function scanEach(
  files: readonly DiscoveredFile[],
  pickleOptions: Partial<PickleScanOptions>,
  pythonFiles: readonly DiscoveredFile[],
  result: ArtifactFilesResult,
  jit: JitHold,
  onScanned?: () => void,
  scannedText?: ScannedText,
  heads?: FileHeads,
): Promise<ArtifactFilesResult> {
  // The scanner is loaded when model files are scanned (not when their cached results serve the scan).
  const { hasArtifactName, isArtifactCandidate, scanArtifact, SNIFF_BYTES } = await import("../artifacts/index.js");
  const pickle: Partial<PickleScanOptions> = {
    ...pickleOptions,
    scanBudget: pickleOptions.scanBudget ?? { decompressedBytes: SCAN_DECOMPRESSION_BUDGET },
    pseudoPython: false, // findings do not show the listing; rendering it is the costliest part of the analysis
    ...(pythonFiles.length > 0 && pickleOptions.projectGlobals === undefined ? { projectGlobals: projectGlobalsOf(pythonFiles, scannedText) } : {}),
    onHeavyInput: jit.release,
    heavyInputBytes: HEAVY_INPUT_BYTES,
  };
  for (const file of files) {
    jit.releaseIfLong();
    try {
      if (!isArtifactCandidate(file.relPath, () => (heads ? heads.read(file, SNIFF_BYTES) : readHead(file.absPath, SNIFF_BYTES)))) continue;
    } catch (e) {
      result.errors.push(unreadable(file.relPath, e));
      continue;
    }
    let source;
    try {
      source = await openFileByteSource(file.absPath);
    } catch (e) {
      result.errors.push(unreadable(file.relPath, e));
      continue;
    }
    try {
      if (heads) heads.remember(file.absPath, await source.read(0, Math.min(source.size, SNIFF_BYTES)));
      // Node's zlib decodes DEFLATE data (loaded with the first model file: a scan of none does not load it).
      pickle.inflate ??= (await import("./native-inflate.js")).nodeInflate;
      const scanned = await scanArtifact(source, file.relPath, { ...pickle, pickedByContent: !hasArtifactName(file.relPath) });
      appendAll(result.findings, scanned.findings);
      appendAll(result.errors, scanned.errors);
      result.scanned++;
      onScanned?.();
    } catch (e) {
      result.errors.push({ file: file.relPath, kind: "internal", level: "error", message: `internal error while scanning artifact: ${(e as Error).message}` });
    } finally {
      await source.close();
    }
  }
  return result;
}


export interface RulesetSplit {
  /** `--ruleset` values for the Python engine. */
  python: string[];
  /** Whether Python rules run at all (false when only artifact rulesets were asked for). */
  runPython: boolean;
  artifactRules: RuleMeta[];
}

/**
 * Separates artifact rulesets (`artifact/all`, `artifact/artifacts`, `artifact/PICKLE-ARTIFACT-001`, or a bare
 * `PICKLE-`, `KERAS-`, `GGUF-` or `ONNX-ARTIFACT-...` ID) from Python ones. No rulesets at all means every rule of both kinds.
 */
export function splitRulesets(specs: readonly string[]): RulesetSplit | { error: string } {
  if (specs.length === 0) return { python: [], runPython: true, artifactRules: [...ARTIFACT_RULES] };
  const python: string[] = [];
  const chosen = new Map<string, RuleMeta>();
  for (const raw of specs) {
    const spec = raw.trim();
    const [lang, name] = spec.includes("/") ? (spec.split("/", 2) as [string, string]) : ["", spec];
    const isArtifact = lang.toLowerCase() === "artifact" || (lang === "" && /^(PICKLE|KERAS|GGUF|ONNX|ARCHIVE|CONFIG)-ARTIFACT-/i.test(name));
    if (!isArtifact) {
      python.push(raw);
      continue;
    }
    const lower = name.toLowerCase();
    const matches =
      lower === "all" || lower === "artifacts" ? ARTIFACT_RULES : ARTIFACT_RULES.filter((r) => r.id.toLowerCase() === lower);
    if (matches.length === 0) {
      return { error: `unknown ruleset "${spec}" (artifact rulesets: artifact/all or artifact/<PICKLE-, KERAS-, GGUF- or ONNX-ARTIFACT-ID>)` };
    }
    for (const rule of matches) chosen.set(rule.id, rule);
  }
  return {
    python,
    runPython: python.length > 0,
    artifactRules: [...chosen.values()].sort((a, b) => compareText(a.id, b.id)),
  };
}
