// Pseudo-Python showing what loading a pickle would do.
import type { PickleAnalysis } from "./analysis.js";

export function renderPseudoPython(a: PickleAnalysis): string {
  const lines: string[] = [];
  appendAnalysis(a, "", lines, 0);
  return lines.join("\n");
}

const MAX_DEPTH = 8;

function appendAnalysis(a: PickleAnalysis, indent: string, lines: string[], depth: number): void {
  if (!a.isPickle) {
    lines.push(`${indent}# not a pickle`);
    return;
  }
  if (a.statements !== undefined) {
    for (const s of a.statements) lines.push(indent + s);
  } else {
    for (const imp of a.imports) lines.push(`${indent}# import ${imp.normalized}`);
    for (const c of a.calls) lines.push(`${indent}# ${c.opcode}: ${c.callee}(${c.args})`);
  }
  for (const n of a.nested) {
    lines.push(`${indent}# nested pickle loaded by the call at offset ${n.offset}:`);
    if (depth + 1 >= MAX_DEPTH) lines.push(`${indent}#   ...`);
    else appendAnalysis(n.analysis, `${indent}#   `, lines, depth + 1);
  }
  if (a.error !== undefined) lines.push(`${indent}# error at offset ${a.error.offset}: ${a.error.message}`);
}
