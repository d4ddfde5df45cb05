import type { Location } from "../core/types.js";
import { sanitizeForTerminal, type Painter } from "./terminal.js";

/** Region lines shown before the frame is cut short; long regions (a whole call spread over many lines) stay readable. */
const MAX_REGION_LINES = 6;

interface FrameLine {
  number: number;
  text: string;
  inRegion: boolean;
}

/**
 * A line-numbered excerpt of the source around `location`, with a caret underline under the region.
 * With `source` (the file's lines) it shows one line of context before and after; without it, it falls
 * back to the finding's own snippet. Returns no lines when there is nothing to show.
 */
export function renderCodeFrame(location: Location, source: string[] | undefined, p: Painter): string[] {
  const startLine = Math.max(1, location.line);
  const endLine = Math.max(startLine, location.endLine);
  const frame = source ? linesFromSource(source, startLine, endLine) : linesFromSnippet(location.snippet, startLine, endLine);
  if (frame.length === 0) return [];

  const regionLines = frame.filter((l) => l.inRegion);
  let shown = frame;
  let omitted = 0;
  if (regionLines.length > MAX_REGION_LINES) {
    const kept = [...regionLines.slice(0, MAX_REGION_LINES - 1), regionLines[regionLines.length - 1]!];
    const keep = new Set(kept.map((l) => l.number));
    omitted = regionLines.length - keep.size;
    shown = frame.filter((l) => !l.inRegion || keep.has(l.number));
  }

  const width = String(Math.max(...shown.map((l) => l.number))).length;
  const out: string[] = [];
  let previous: number | undefined;
  for (const line of shown) {
    if (previous !== undefined && line.number > previous + 1) {
      out.push(`  ${" ".repeat(width)} ${p.paint("|", "dim")} ${p.paint(`... ${omitted} more line${omitted === 1 ? "" : "s"}`, "dim")}`);
    }
    previous = line.number;
    const marker = line.inRegion ? p.paint(">", "bold", "red") : " ";
    const gutter = p.paint(`${String(line.number).padStart(width)} |`, "dim");
    out.push(`${marker} ${gutter} ${sanitizeForTerminal(line.text)}`.trimEnd());
    if (line.inRegion) {
      const underline = underlineFor(line, location, startLine, endLine);
      out.push(`  ${" ".repeat(width)} ${p.paint("|", "dim")} ${underline.padding}${p.paint("^".repeat(underline.carets), "red")}`);
    }
  }
  return out;
}

function linesFromSource(source: string[], startLine: number, endLine: number): FrameLine[] {
  if (startLine > source.length) return [];
  const last = Math.min(endLine, source.length);
  const out: FrameLine[] = [];
  if (startLine > 1) out.push({ number: startLine - 1, text: source[startLine - 2] ?? "", inRegion: false });
  for (let n = startLine; n <= last; n++) out.push({ number: n, text: source[n - 1] ?? "", inRegion: true });
  if (last < source.length) out.push({ number: last + 1, text: source[last] ?? "", inRegion: false });
  return out;
}

function linesFromSnippet(snippet: string, startLine: number, endLine: number): FrameLine[] {
  if (snippet.trim() === "") return [];
  const lines = snippet.split(/\r\n|\r|\n/);
  const count = Math.min(lines.length, endLine - startLine + 1);
  return lines.slice(0, count).map((text, i) => ({ number: startLine + i, text, inRegion: true }));
}

/** Columns are 1-based UTF-16 code units, the same unit as JS string indices. */
function underlineFor(line: FrameLine, location: Location, startLine: number, endLine: number) {
  const text = line.text;
  const firstNonBlank = text.search(/\S/) + 1 || 1;
  let from = line.number === startLine ? location.column : firstNonBlank;
  let to = line.number === endLine ? location.endColumn : text.length + 1;
  from = clamp(from, 1, text.length + 1);
  to = clamp(to, from, text.length + 1);
  const before = sanitizeForTerminal(text.slice(0, from - 1));
  const marked = sanitizeForTerminal(text.slice(from - 1, to - 1));
  // Keep tabs so the carets line up with tab-indented source.
  return { padding: before.replace(/[^\t]/g, " "), carets: Math.max(1, marked.length) };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : lo, lo), hi);
}
