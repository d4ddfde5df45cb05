// HTML pieces shared by the report page and the web pages (playground, rule pages, inspector).
// Pure string builders: every argument is escaped here, callers pass raw text.

import type { Location, Severity } from "../../core/types.js";
import { escapeHtml } from "./escape.js";

export function severityBadge(severity: Severity): string {
  return `<span class="badge badge-${severity}">${severity}</span>`;
}

export interface FrameOptions {
  /** Lines of context before and after the region when the file's lines are known. */
  context?: number;
  /** Region lines shown before the frame is cut short. */
  maxRegionLines?: number;
}

interface FrameLine {
  number: number;
  text: string;
  inRegion: boolean;
}

/**
 * A line-numbered code excerpt with the finding's region marked. With `source` (the file's lines) it shows
 * context lines; without it the finding's snippet. Empty string when there is nothing to show.
 */
export function codeFrameHtml(location: Location, source: readonly string[] | undefined, options: FrameOptions = {}): string {
  const context = options.context ?? 2;
  const maxRegion = options.maxRegionLines ?? 8;
  const start = Math.max(1, location.line);
  const end = Math.max(start, location.endLine);
  let lines: FrameLine[];
  if (source && start <= source.length) {
    const first = Math.max(1, start - context);
    const last = Math.min(source.length, end + context);
    lines = [];
    for (let n = first; n <= last; n++) lines.push({ number: n, text: source[n - 1] ?? "", inRegion: n >= start && n <= end });
  } else {
    if (location.snippet.trim() === "") return "";
    lines = location.snippet
      .split(/\r\n|\r|\n/)
      .slice(0, end - start + 1)
      .map((text, i) => ({ number: start + i, text, inRegion: true }));
  }
  const region = lines.filter((l) => l.inRegion);
  let omitted = 0;
  if (region.length > maxRegion) {
    const keep = new Set([...region.slice(0, maxRegion - 1), region[region.length - 1]!].map((l) => l.number));
    omitted = region.length - keep.size;
    lines = lines.filter((l) => !l.inRegion || keep.has(l.number));
  }
  const rows: string[] = [];
  let previous: number | undefined;
  for (const line of lines) {
    if (previous !== undefined && line.number > previous + 1) {
      rows.push(`<span class="line gap"><span class="ln" aria-hidden="true">⋮</span><span class="muted">${omitted} more line${omitted === 1 ? "" : "s"}</span></span>`);
    }
    previous = line.number;
    const body = line.inRegion ? markRegion(line, location, start, end) : escapeHtml(line.text);
    rows.push(`<span class="line${line.inRegion ? " in-region" : ""}"><span class="ln">${line.number}</span><span class="src">${body}</span></span>`);
  }
  // Each row is a flex line of its own: a newline between rows inside <pre> would add an empty line after each.
  return `<pre class="code-frame" tabindex="0" aria-label="Code at line ${start}"><code>${rows.join("")}</code></pre>`;
}

/** Columns are 1-based UTF-16 code units, end exclusive: the same unit as JS string indices. */
function markRegion(line: FrameLine, location: Location, startLine: number, endLine: number): string {
  const text = line.text;
  const firstNonBlank = text.search(/\S/) + 1 || 1;
  const from = clamp(line.number === startLine ? location.column : firstNonBlank, 1, text.length + 1);
  const to = clamp(line.number === endLine ? location.endColumn : text.length + 1, from, text.length + 1);
  if (to === from) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, from - 1))}<mark>${escapeHtml(text.slice(from - 1, to - 1))}</mark>${escapeHtml(text.slice(to - 1))}`;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : lo, lo), hi);
}

export interface Bar {
  label: string;
  value: number;
  /** CSS class of the bar (e.g. `bar-high`). */
  className: string;
}

/**
 * A horizontal bar chart as inline SVG with an accessible name and a text description of every value
 * (the numbers are also printed next to the bars).
 */
export function barChartSvg(id: string, title: string, bars: readonly Bar[]): string {
  const rowHeight = 26;
  const labelWidth = Math.min(260, Math.max(80, ...bars.map((b) => b.label.length * 7.2 + 12)));
  const barArea = 220;
  const width = labelWidth + barArea + 50;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((b, i) => {
    const y = 4 + i * rowHeight;
    const w = b.value === 0 ? 0 : Math.max(2, Math.round((b.value / max) * barArea));
    return (
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(truncate(b.label, 36))}</text>` +
      `<rect class="${escapeHtml(b.className)}" x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" rx="3"></rect>` +
      `<text x="${labelWidth + w + 6}" y="${y + 17}">${b.value}</text>`
    );
  });
  const desc = bars.map((b) => `${b.label}: ${b.value}`).join(", ");
  return (
    `<svg class="chart" id="${escapeHtml(id)}" role="img" aria-labelledby="${escapeHtml(id)}-title ${escapeHtml(id)}-desc" ` +
    `viewBox="0 0 ${Math.round(width)} ${height}" width="${Math.round(width)}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${escapeHtml(id)}-title">${escapeHtml(title)}</title><desc id="${escapeHtml(id)}-desc">${escapeHtml(desc || "no data")}</desc>` +
    `<line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}"></line>` +
    rows.join("") +
    `</svg>`
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}
