// Archive formats Pathfinder recognises but does not open (RAR: no maintained decoder that runs in the browser
// without a native build). Listed as one member that cannot be inspected, and reported: a loader that can open
// them may find pickles inside.
import { ascii, startsWith } from "./bytes.js";
import type { ContainerReader } from "./reader.js";

function opaqueReader(format: string, signature: readonly number[]): ContainerReader {
  return {
    format,
    sniff: (head) => startsWith(head, signature),
    async list(source, context) {
      context.issue(
        { kind: "uninspectable", severity: "medium", message: `${format} archive: Pathfinder cannot inspect its contents, which may include pickles` },
        context.member,
      );
      return { members: [{ path: `[${format}]`, offset: 0, size: source.size, compressedSize: source.size, method: format, role: "other" }] };
    },
  };
}

export const rarReader = opaqueReader("rar", ascii("Rar!\x1a\x07"));
