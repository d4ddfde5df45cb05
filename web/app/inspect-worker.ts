// Runs the artifact scanner off the page's main thread, so a huge or hostile file never freezes the page and
// can be abandoned (the page terminates the worker). The file is read in slices; nothing is executed.

import { memorySource, scanArtifact, type ByteSource } from "../../src/artifacts/index.js";
import { DEFAULT_PICKLE_OPTIONS, renderPseudoPython } from "../../src/artifacts/pickle/index.js";
import type { InspectRequest, InspectResponse } from "./inspect-protocol.js";

/** Less than the CLI's 1 GiB: decompressed data lives in this browser tab's memory. */
const BROWSER_MAX_DECOMPRESSED = 256 * 1024 * 1024;

function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
  };
}

self.addEventListener("message", async (event: MessageEvent<InspectRequest>) => {
  const { file, bytes, name } = event.data;
  let response: InspectResponse;
  try {
    const source = file ? blobSource(file) : memorySource(bytes ?? new Uint8Array(0));
    const started = performance.now();
    const result = await scanArtifact(source, name, {
      limits: { ...DEFAULT_PICKLE_OPTIONS.limits, maxDecompressedBytes: BROWSER_MAX_DECOMPRESSED },
    });
    response = {
      ok: true,
      size: source.size,
      ms: performance.now() - started,
      result,
      pseudo: result.analyses.map((a) => renderPseudoPython(a.analysis)),
    };
  } catch (e) {
    response = { ok: false, error: (e as Error).message };
  }
  (self as unknown as Worker).postMessage(response);
});
