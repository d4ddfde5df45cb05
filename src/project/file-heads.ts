// The first bytes of files one project scan has already read: the model-file scan reads them (to sniff, or with the
// whole file), and the Java stream check, which wants the first few bytes of the same files, takes them from here
// instead of opening every file again.
import { readHead } from "./read-source.js";

export class FileHeads {
  private readonly known = new Map<string, Uint8Array>();

  /** Only this many bytes of a head are kept (copied: a head may be a view of a whole file's bytes). */
  constructor(private readonly keep: number) {}

  /** Remembers the first bytes of the file at `absPath` (all of them when the file is shorter). */
  remember(absPath: string, head: Uint8Array): void {
    if ((this.known.get(absPath)?.length ?? -1) >= Math.min(head.length, this.keep)) return;
    this.known.set(absPath, head.slice(0, this.keep));
  }

  /** The first `bytes` bytes of the file (fewer at its end): remembered ones, or read and remembered. */
  read(file: { absPath: string; size: number }, bytes: number): Uint8Array {
    const head = this.known.get(file.absPath);
    if (head && (head.length >= bytes || head.length >= file.size)) return head.subarray(0, bytes);
    const fresh = readHead(file.absPath, bytes);
    this.remember(file.absPath, fresh);
    return fresh;
  }
}
