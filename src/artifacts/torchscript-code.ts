// The TorchScript source a `torch.jit.save` archive carries (`code/__torch__/*.py`): torch.jit.load compiles it, and
// runs a class's `__setstate__` while loading (the unpickler hands each scripted object its state). TorchScript is
// a closed language, but two of its builtins reach the file system: `torch.save` (aten::save) writes a file, and
// `torch.from_file` (aten::from_file) maps one into a tensor. Checked with torch 2.x: both compile in TorchScript.
// Browser-safe; the text is only searched.
import type { PickleIssue } from "./types.js";

/** Members holding TorchScript source. */
export const TORCHSCRIPT_CODE = /(^|\/)code\/.+\.py$/;

const FILE_CALLS: ReadonlyArray<{ pattern: RegExp; call: string; does: string }> = [
  { pattern: /\btorch\.save\(|\bops\.aten\.save\b/g, call: "torch.save", does: "writes a file" },
  { pattern: /\btorch\.from_file\(|\bops\.aten\.from_file\b/g, call: "torch.from_file", does: "reads a file" },
];

/** A method definition in TorchScript's printed source (two-space indented under its class). */
const METHOD = /^ {2}def (\w+)\(/gm;

export function judgeTorchScriptCode(text: string): PickleIssue[] {
  const methods: { name: string; at: number }[] = [];
  for (const m of text.matchAll(METHOD)) methods.push({ name: m[1]!, at: m.index! });
  const methodAt = (offset: number): string | undefined => {
    let name: string | undefined;
    for (const m of methods) if (m.at <= offset) name = m.name;
    return name;
  };
  const issues: PickleIssue[] = [];
  const seen = new Set<string>();
  for (const { pattern, call, does } of FILE_CALLS) {
    for (const match of text.matchAll(pattern)) {
      const method = methodAt(match.index!);
      const onLoad = method === "__setstate__";
      const key = `${call} ${onLoad}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({
        kind: "dangerous-call",
        severity: onLoad ? "high" : "medium",
        message: onLoad
          ? `TorchScript code calls ${call} in __setstate__, which torch.jit.load runs while loading: it ${does}`
          : `TorchScript code calls ${call}${method ? ` in ${method}` : ""}: it ${does} when the model runs`,
        global: call,
        offset: match.index!,
      });
    }
  }
  return issues;
}
