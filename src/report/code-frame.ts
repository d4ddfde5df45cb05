import type { Location } from "../core/types.js";
import { sanitizeForTerminal, type Painter } from "./terminal.js";

/** Region lines shown before the frame is cut short; long regions (a whole call spread over many lines) stay readable. */
const MAX_REGION_LINES = 6;
/** Source code units shown per line: minified or generated files can have megabyte-long lines. */
export const MAX_FRAME_LINE_WIDTH = 200;
/** Code units kept in view before the region start when a long line has to be cut. */
const LEAD_BEFORE_REGION = 40;
const CUT = "...";

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
  const frame =
    source && startLine <= source.length
      ? linesFromSource(source, startLine, endLine)
      : linesFromSnippet(location.snippet, startLine, endLine);
  if (frame.length === 0) return [];

  const { shown, omitted } = shortenRegion(frame, endLine);
  const windowStart = horizontalWindow(shown, location.column);
  const width = String(Math.max(...shown.map((l) => l.number))).length;
  const blankGutter = `  ${" ".repeat(width)} ${p.paint("|", "dim")}`;

  const out: string[] = [];
  let previous: number | undefined;
  for (const line of shown) {
    if (previous !== undefined && line.number > previous + 1) {
      out.push(`${blankGutter} ${p.paint(`${CUT} ${omitted} more line${omitted === 1 ? "" : "s"}`, "dim")}`);
    }
    previous = line.number;
    const marker = line.inRegion ? p.paint(">", "bold", "red") : " ";
    const gutter = p.paint(`${String(line.number).padStart(width)} |`, "dim");
    out.push(`${marker} ${gutter} ${clip(line.text, windowStart)}`.trimEnd());
    if (line.inRegion) {
      const { padding, carets } = underline(line, location, startLine, endLine, windowStart);
      out.push(`${blankGutter} ${padding}${p.paint("^".repeat(carets), "red")}`);
    }
  }
  return out;
}

function linesFromSource(source: string[], startLine: number, endLine: number): FrameLine[] {
  const last = Math.min(endLine, source.length);
  const line = (n: number, inRegion: boolean): FrameLine => ({
    number: n,
    text: (source[n - 1] ?? "").replace(/\r$/, ""),
    inRegion,
  });
  const out: FrameLine[] = [];
  if (startLine > 1) out.push(line(startLine - 1, false));
  for (let n = startLine; n <= last; n++) out.push(line(n, true));
  if (last < source.length) out.push(line(last + 1, false));
  return out;
}

function linesFromSnippet(snippet: string, startLine: number, endLine: number): FrameLine[] {
  if (snippet.trim() === "") return [];
  const lines = snippet.split(/\r\n|\r|\n/);
  const count = Math.min(lines.length, endLine - startLine + 1);
  return lines.slice(0, count).map((text, i) => ({ number: startLine + i, text, inRegion: true }));
}

/** Keeps the first region lines and the last one; context lines always stay. */
function shortenRegion(frame: FrameLine[], endLine: number): { shown: FrameLine[]; omitted: number } {
  const region = frame.filter((l) => l.inRegion);
  if (region.length <= MAX_REGION_LINES) return { shown: frame, omitted: 0 };
  const keep = new Set(region.slice(0, MAX_REGION_LINES - 1).map((l) => l.number));
  keep.add(region[region.length - 1]?.number ?? endLine);
  return { shown: frame.filter((l) => !l.inRegion || keep.has(l.number)), omitted: region.length - keep.size };
}

/** First code unit shown on every line: 0 unless a long line would push the region start out of view. */
function horizontalWindow(lines: FrameLine[], column: number): number {
  if (lines.every((l) => l.text.length <= MAX_FRAME_LINE_WIDTH)) return 0;
  const regionStart = Math.max(0, column - 1);
  return regionStart < MAX_FRAME_LINE_WIDTH - LEAD_BEFORE_REGION ? 0 : regionStart - LEAD_BEFORE_REGION;
}

function clip(text: string, windowStart: number): string {
  const head = windowStart > 0 ? CUT : "";
  const tail = text.length > windowStart + MAX_FRAME_LINE_WIDTH ? CUT : "";
  return head + sanitizeForTerminal(text.slice(windowStart, windowStart + MAX_FRAME_LINE_WIDTH)) + tail;
}

/** Columns are 1-based UTF-16 code units, the same unit as JS string indices. */
function underline(line: FrameLine, location: Location, startLine: number, endLine: number, windowStart: number) {
  const text = line.text;
  const firstNonBlank = text.search(/\S/) + 1 || 1;
  const from = clamp(line.number === startLine ? location.column : firstNonBlank, 1, text.length + 1) - 1;
  const to = clamp(line.number === endLine ? location.endColumn : text.length + 1, from + 1, text.length + 1) - 1;
  const windowEnd = windowStart + MAX_FRAME_LINE_WIDTH;
  const visibleFrom = clamp(from, windowStart, windowEnd);
  const visibleTo = clamp(to, visibleFrom, windowEnd);
  const head = windowStart > 0 ? CUT : "";
  const before = head + sanitizeForTerminal(text.slice(windowStart, visibleFrom));
  const marked = sanitizeForTerminal(text.slice(visibleFrom, visibleTo));
  // Keep tabs so the carets line up with tab-indented source.
  return { padding: before.replace(/[^\t]/g, " "), carets: Math.max(1, marked.length) };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : lo, lo), hi);
}
