// The warnings of one file's artifact scan: one per kind (the message with numbers taken out), repeats counted,
// at most MAX_WARNINGS kinds listed. Browser-safe.
import type { ScanError } from "../core/types.js";

const MAX_WARNINGS = 50;

export class Warnings {
  private readonly kinds = new Map<string, { error: ScanError; count: number }>();
  private readonly listed: ScanError[] = [];
  private dropped = 0;

  constructor(private readonly relPath: string) {}

  add(message: string, member?: string): void {
    const key = message.replace(/\d+/g, "#");
    const seen = this.kinds.get(key);
    if (seen !== undefined) {
      seen.count++;
      return;
    }
    if (this.kinds.size >= MAX_WARNINGS) {
      this.dropped++;
      return;
    }
    const error: ScanError = { file: this.relPath, kind: "artifact", message: member ? `${member}: ${message}` : message, level: "warning" };
    this.kinds.set(key, { error, count: 1 });
    this.listed.push(error);
  }

  list(): ScanError[] {
    const counts = new Map([...this.kinds.values()].map((w) => [w.error, w.count]));
    const out = this.listed.map((error) => {
      const count = counts.get(error) ?? 1;
      return count > 1 ? { ...error, message: `${error.message} (and ${count - 1} more like it)` } : error;
    });
    if (this.dropped > 0) {
      out.push({ file: this.relPath, kind: "artifact", level: "warning", message: `${this.dropped} further warnings of other kinds were not listed` });
    }
    return out;
  }
}
