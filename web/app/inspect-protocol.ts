// Messages between the inspector page and its worker.
import type { ArtifactScanResult } from "../../src/artifacts/index.js";

export interface InspectRequest {
  name: string;
  /** A file chosen or dropped by the user (read in slices by the worker). */
  file?: File;
  /** Or in-memory bytes (built-in samples). */
  bytes?: Uint8Array;
}

export type InspectResponse =
  | { ok: true; size: number; ms: number; result: ArtifactScanResult; pseudo: string[] }
  | { ok: false; error: string };
