// Pickle streams where they lie: stacked pickles (legacy torch), joblib arrays and large inline data cut out so
// that a multi-GB file is never read whole, offsets mapped back to the file. Browser-safe.
import { ascii, beforeZeroTail, concatBytes, indexOf, indexOfSkipping } from "./containers/bytes.js";
import type { ArtifactLayoutEntry } from "./containers/reader.js";
import { locateJoblibArrays, type JoblibArray } from "./containers/joblib.js";
import { MAX_WALK_STACK, type LargeString } from "./containers/pickle-walk.js";
import { isInMemory, memorySource, readRange, sliceSource } from "./containers/sources.js";
import { isLegacyTorchMagic, LEGACY_STACKED_PICKLES } from "./containers/torch-legacy.js";
import { looksLikeZipStart } from "./containers/zip.js";
import { looksLikePickle, type PickleAnalysis } from "./pickle/index.js";
import type { ByteSource, PickleScanOptions } from "./types.js";

/** Protocol 0/1 pickles have no magic: the analyser's sniff replays up to 64 KiB, so give it one byte more. */
export const HEAD_BYTES = 64 * 1024 + 1;
const MAX_STACKED_PICKLES = 64;
/**
 * Pickles up to this size are analysed in one pass when nothing in them needs the framing walk. Longer ones in memory
 * are analysed before the walk too, for the walk to be spared where it cannot change the answer (see walkChangesNothing).
 */
const DIRECT_ANALYSIS_BYTES = 4 * 1024 * 1024;
/** Bytes read past the point where the framing walk stopped, for the machine to stop on its own. */
const WALK_ERROR_MARGIN = 64 * 1024;
const JOBLIB_WRAPPER = /(^|\.)numpy_pickle(_compat)?\.(Z?NDArrayWrapper|NumpyArrayWrapper)$/;
/** The module every joblib wrapper lives in, as its bytes: a stream that names it takes the full path at once. */
const NUMPY_PICKLE = ascii("numpy_pickle");

/** An analysis of the bytes from a position to the end of its source (`length` of them). */
interface DirectAnalysis {
  length: number;
  analysis: PickleAnalysis;
}

/** Bytes that hold pickles: the source, its member name and where its first byte sits in the member. */
export interface PickleSite {
  source: ByteSource;
  member?: string;
  origin: number;
  /** 0 for the file itself. */
  depth: number;
}

/** What the scan of one file lends the pickle reader. */
export interface PickleHost {
  readonly options: PickleScanOptions;
  /** Analyses one pickle within what is left of the file's opcode budget. */
  analyze(bytes: Uint8Array): PickleAnalysis;
  /** What is left of the file's opcode budget. */
  readonly opcodesLeft: number;
  /** Gives back opcodes spent on an analysis that will be redone. */
  refund(opcodes: number): void;
  /** Spends opcodes again on a refunded analysis that is used after all (as `analyze` spent them). */
  charge(opcodes: number): void;
  record(analysis: PickleAnalysis, member: string | undefined, baseOffset: number): void;
  readPickleBytes(source: ByteSource, offset: number, length: number, member?: string): Promise<Uint8Array>;
  warn(message: string, member?: string): void;
  /** Queues bytes embedded in a pickle (a large string argument at `offset`) to be inspected as a file of their own. */
  inspectEmbedded(site: PickleSite, bytes: ByteSource, offset: number, member: string): void;
  layout(row: ArtifactLayoutEntry): void;
  trait(name: string): void;
}

export class PickleStreams {
  constructor(private readonly host: PickleHost) {}

  /**
   * Analyses the pickle at the start of the site and every pickle stacked after it; returns where the bytes after
   * the last one start (for the caller to inspect), or null when nothing follows that needs a look.
   */
  async inspect(item: PickleSite): Promise<number | null> {
    const source = item.source;
    let position = 0;
    let legacy = false;
    for (let count = 0; count < MAX_STACKED_PICKLES && position < source.size; count++) {
      if (count > 0 && !looksLikePickle(await readRange(source, position, HEAD_BYTES))) break;
      const end = await this.analysePickleAt(item, position);
      if (count === 0 && isLegacyTorchMagic(await readRange(source, 0, 32))) {
        legacy = true;
        this.host.trait("torch-legacy");
      }
      if (end === null || end <= position) return null;
      position = end;
      if (legacy && count + 1 === LEGACY_STACKED_PICKLES) {
        this.host.layout({
          name: `${item.member ?? ""}[storage data]`,
          container: "torch-legacy",
          offset: item.origin + position,
          size: source.size - position,
          compressedSize: source.size - position,
          method: "raw",
          role: "tensor-data",
        });
        return null;
      }
    }
    return position >= source.size ? null : position;
  }

  /** Analyses one pickle stream at `position`; returns the offset just past it, or null if it did not end. */
  private async analysePickleAt(item: PickleSite, position: number): Promise<number | null> {
    const end = await this.analyseStreamAt(item, position);
    if (item.depth === 0 || position > 0) {
      const size = (end ?? item.source.size) - position;
      this.host.layout({
        name: `${item.member ?? ""}[pickle @${item.origin + position}]`,
        container: "pickle",
        offset: item.origin + position,
        size,
        compressedSize: size,
        method: "raw",
        role: "pickle",
      });
    }
    return end;
  }

  private async analyseStreamAt(item: PickleSite, position: number): Promise<number | null> {
    const { source, member } = item;
    const direct = await this.analyseDirectly(item, position);
    if (direct.settled) return direct.end;
    if (direct.refunded !== undefined && this.walkChangesNothing(direct.refunded.analysis)) {
      const analysis = this.reuse(direct.refunded.analysis);
      this.host.record(analysis, member, item.origin + position);
      return analysis.bytesConsumed > 0 ? position + analysis.bytesConsumed : null;
    }
    const framing = await locateJoblibArrays(source, position, this.host.options.limits.maxOpcodes);
    if (framing.end !== null && (framing.arrays.length > 0 || framing.largeStrings.length > 0)) {
      if (framing.arrays.length > 0) this.host.trait("joblib");
      await this.analyseWithout(item, position, framing.end, framing.arrays, framing.largeStrings);
      return framing.end;
    }
    if (framing.arrays.length > 0 && framing.error) {
      this.host.warn(`joblib array data could not be located (${framing.error.message}); analysing the stream as is`, member);
    }
    const length = framing.end !== null ? framing.end - position : source.size - position;
    const early = framing.end === null && framing.arrays.length === 0 ? await this.analyseUpToWalkError(item, position, length, framing.error) : null;
    const analysis = early ?? (length === direct.refunded?.length ? this.reuse(direct.refunded.analysis) : this.host.analyze(await this.host.readPickleBytes(source, position, length, member)));
    this.host.record(analysis, member, item.origin + position);
    if (framing.end !== null) return framing.end;
    return analysis.bytesConsumed > 0 ? position + analysis.bytesConsumed : null;
  }

  /**
   * A stream the walk could not finish (a multi-GB `.bin` of other data named like a checkpoint, a broken pickle):
   * the machine stops where the unpickler would, so only the bytes up to a little past the walk's stop are read.
   * When the machine runs on to that cut, the walk stopped for a reason the machine does not share: null, and the
   * caller analyses the whole stream.
   */
  private async analyseUpToWalkError(item: PickleSite, position: number, length: number, error: { offset: number; message: string } | undefined): Promise<PickleAnalysis | null> {
    // A protocol 0 line longer than the walk reads (a string of megabytes before the payload, tensor bytes as text)
    // is not where the unpickler stops: it reads on to the newline.
    // Nor is the walk's opcode limit: the machine stops at the same count, but then sweeps the rest for globals.
    // Nor its stack limit: the unpickler's stack has none, and a file of a million pushes before its payload is built
    // to stop us there (the machine stops at its own, lower, depth limit and sweeps the rest for globals).
    if (error === undefined || /^unterminated |^stopped after |^stack deeper than /.test(error.message)) return null;
    const cut = Math.max(0, error.offset - position) + WALK_ERROR_MARGIN;
    if (cut >= length) return null;
    const analysis = this.host.analyze(await readRange(item.source, position, cut));
    // Not a pickle at all (the unpickler fails on its first opcode), or stopped well before the cut: the whole answer.
    if (!analysis.isPickle || (analysis.error !== undefined && analysis.error.offset < cut - WALK_ERROR_MARGIN / 2)) return analysis;
    this.host.refund(analysis.opcodeCount);
    return null;
  }

  /**
   * The fast path for small pickles: one pass of the machine over the bytes, without first walking them to locate
   * raw regions. Taken only when that walk could not change what is analysed: the stream parses without error, is
   * not a legacy torch file (raw storage bytes follow its pickles) and names no joblib array wrapper (joblib reads
   * the array bytes after the wrapper's BUILD outside the pickle, so only the framing walk sees what joblib sees).
   * Otherwise the full path must run: `refunded` holds the analysis made here, for that path to use where it would
   * analyse the same bytes (with the same budget, as the refund restores it) again. A longer stream already in memory
   * is analysed here too but never settled (the walk cuts its large strings out), only refunded.
   */
  private async analyseDirectly(item: PickleSite, position: number): Promise<{ settled: true; end: number | null } | { settled: false; refunded?: DirectAnalysis }> {
    const length = item.source.size - position;
    const long = length > DIRECT_ANALYSIS_BYTES;
    if (long && !this.analysesBeforeWalk(item.source, length)) return { settled: false };
    if (isLegacyTorchMagic(await readRange(item.source, 0, 32))) return { settled: false };
    const bytes = await readRange(item.source, position, length);
    // A joblib file (the wrapper's module name in its bytes) would be analysed twice: the full path straight away.
    // (Names the bytes do not spell out, such as escaped protocol 0 strings, are still caught by the check below.)
    // (Not in a decoded bomb's zero tail, whose pages the search would otherwise all touch.)
    const named = bytes.subarray(0, beforeZeroTail(bytes));
    if ((long ? indexOfSkipping(named, NUMPY_PICKLE) : indexOf(named, NUMPY_PICKLE)) >= 0) return { settled: false };
    const analysis = this.host.analyze(bytes);
    if (long || analysis.error !== undefined || analysis.imports.some((i) => JOBLIB_WRAPPER.test(i.normalized) || i.dynamic)) {
      this.host.refund(analysis.opcodeCount); // the full path analyses the same bytes again
      // readPickleBytes cuts a stream longer than the decompression limit: those are not the same bytes.
      return length <= this.host.options.limits.maxDecompressedBytes ? { settled: false, refunded: { length, analysis } } : { settled: false };
    }
    this.host.record(analysis, item.member, item.origin + position);
    return { settled: true, end: analysis.bytesConsumed > 0 ? position + analysis.bytesConsumed : null };
  }

  /**
   * Whether a stream longer than DIRECT_ANALYSIS_BYTES is analysed before its framing walk: its bytes are in memory
   * (a decoded member: reading it whole costs nothing), within the decompression limit (the bytes the full path
   * would analyse), and the file's opcode budget cannot run out on this analysis (it would warn of that, and the full
   * path may analyse fewer opcodes).
   */
  private analysesBeforeWalk(source: ByteSource, length: number): boolean {
    const limits = this.host.options.limits;
    return isInMemory(source) && length <= limits.maxDecompressedBytes && this.host.opcodesLeft > limits.maxOpcodes;
  }

  /**
   * Whether the framing walk of a stream could change nothing in what the full path does with this analysis of the
   * whole stream: the machine ran the stream's first pickle to the walk's own opcode limit, without a STOP or an
   * error before it. The walk reads each opcode's operands as the machine does, so it reads the same opcodes and
   * stops at that limit too (or before it, at a line longer than it reads): either way without an end, so the large
   * strings it found are not cut out, and the stream is analysed whole, which this analysis is. It sizes no joblib
   * array (a wrapper's name spells numpy_pickle in the bytes, which analyseDirectly then does not analyse), and its
   * stack, the machine's values and marks, stays within twice the machine's depth limit, short of its own.
   * (Three red-team streams of millions of padding opcodes spent most of the model-file folder's time in that walk.)
   */
  private walkChangesNothing(analysis: PickleAnalysis): boolean {
    const limits = this.host.options.limits;
    return (
      analysis.streams === 0 &&
      analysis.opcodeCount === limits.maxOpcodes &&
      analysis.error !== undefined &&
      analysis.error.message.startsWith("opcode limit ") &&
      2 * limits.maxStackDepth <= MAX_WALK_STACK
    );
  }

  private reuse(analysis: PickleAnalysis): PickleAnalysis {
    this.host.charge(analysis.opcodeCount);
    return analysis;
  }

  /**
   * Analyses the pickle [start, end) with raw data cut out, so that a multi-GB file is never read whole:
   * joblib arrays (bytes between opcodes) are removed, large string arguments keep their opcode with the
   * length rewritten to 0. Offsets in the analysis are mapped back to the original bytes. joblib object
   * arrays are analysed as the separate pickles they are.
   */
  private async analyseWithout(item: PickleSite, start: number, end: number, arrays: JoblibArray[], strings: LargeString[]): Promise<void> {
    const { source, member } = item;
    const cuts: { offset: number; length: number; zero?: { at: number; size: number } }[] = [
      ...arrays.map((a) => ({ offset: a.offset, length: a.length })),
      ...strings.map((s) => ({ offset: s.payload, length: s.length, zero: { at: s.lengthField, size: s.lengthSize } })),
    ].sort((a, b) => a.offset - b.offset);
    for (const array of arrays) {
      this.host.layout({
        name: `${member ?? ""}[array ${array.dtype} ${JSON.stringify(array.shape)}]`,
        container: "joblib",
        offset: item.origin + array.offset,
        size: array.length,
        compressedSize: array.length,
        method: "raw",
        role: array.objectPickle ? "pickle" : "tensor-data",
      });
    }
    for (const string of strings) {
      this.host.layout({
        name: `${member ?? ""}[inline data @${item.origin + string.payload}]`,
        container: "pickle",
        offset: item.origin + string.payload,
        size: string.length,
        compressedSize: string.length,
        method: "raw",
        role: "tensor-data",
      });
    }
    const kept: { from: number; to: number; at: number }[] = [];
    const chunks: Uint8Array[] = [];
    let cursor = start;
    let spliced = 0;
    const keep = async (to: number, zero?: { at: number; size: number }) => {
      let bytes = await this.host.readPickleBytes(source, cursor, to - cursor, member);
      if (zero) {
        bytes = bytes.slice(); // a copy: the source's bytes must stay untouched
        bytes.fill(0, zero.at - cursor, zero.at - cursor + zero.size);
      }
      kept.push({ from: cursor, to, at: spliced });
      chunks.push(bytes);
      spliced += bytes.length;
    };
    for (const cut of cuts) {
      if (cut.offset < cursor) continue; // inside an earlier cut
      await keep(cut.offset, cut.zero);
      cursor = cut.offset + cut.length;
    }
    await keep(end);
    const embedded = await this.queueEmbeddedFiles(item, strings);
    const analysis = withoutArrayWrapperIssues(this.host.analyze(concatBytes(chunks)), arrays.length > 0);
    const toOriginal = (offset: number): number => {
      let piece = kept[0]!;
      for (const candidate of kept) if (candidate.at <= offset) piece = candidate;
      return piece.from + (offset - piece.at) - start;
    };
    this.host.record(withoutEmbeddedLoads(remapOffsets(analysis, toOriginal), embedded, start), member, item.origin + start);
    for (const array of arrays) {
      if (!array.objectPickle) continue;
      const bytes = await this.host.readPickleBytes(source, array.offset, array.length, member);
      this.host.record(this.host.analyze(bytes), member, item.origin + array.offset);
    }
  }

  /**
   * Large string arguments whose first bytes start a pickle or a zip (a whole-module pickle's storages are
   * `torch.storage._load_from_bytes(<a torch.save file>)`, megabytes each) are inspected as files of their own,
   * since they were cut out of the bytes the machine sees. Returns the ends of the queued payloads.
   */
  private async queueEmbeddedFiles(item: PickleSite, strings: LargeString[]): Promise<number[]> {
    const ends: number[] = [];
    for (const string of strings) {
      const head = await readRange(item.source, string.payload, HEAD_BYTES);
      let embedded: ByteSource | undefined;
      if (startsFile(head)) {
        embedded = sliceSource(item.source, string.payload, string.length);
      } else if (head[0] === 0xc2 && head[1] === 0x80 && string.length <= this.host.options.limits.maxDecompressedBytes) {
        // Protocols 0-2 spell bytes as _codecs.encode(<text>, "latin1"): the payload is that text in UTF-8.
        const bytes = latin1FromUtf8(await readRange(item.source, string.payload, string.length));
        if (bytes !== null && startsFile(bytes.subarray(0, HEAD_BYTES))) embedded = memorySource(bytes);
      }
      if (embedded === undefined) continue;
      this.host.inspectEmbedded(item, embedded, string.payload, `${item.member ?? ""}[inline data @${item.origin + string.payload}]`);
      ends.push(string.payload + string.length);
    }
    return ends;
  }

  private async readPickleBytes(source: ByteSource, offset: number, length: number, member?: string): Promise<Uint8Array> {
    const cap = this.host.options.limits.maxDecompressedBytes;
    if (length > cap) {
      this.host.warn(`pickle of ${length} bytes exceeds the ${cap}-byte limit; only its start was analysed`, member);
      return readRange(source, offset, cap);
    }
    return readRange(source, offset, length);
  }

}

function withoutArrayWrapperIssues(analysis: PickleAnalysis, arraysLocated: boolean): PickleAnalysis {
  if (!arraysLocated) return analysis;
  const wrapper = /(^|\.)numpy_pickle\.NumpyArrayWrapper$/;
  return { ...analysis, issues: analysis.issues.filter((issue) => !(issue.global && wrapper.test(issue.global))) };
}

/**
 * Opcodes between a string argument and the loader call that takes it: memo puts, TUPLE1, and for protocols 0-2
 * the rest of `_codecs.encode(<text>, "latin1")` (its second argument and its own call).
 */
const ARGUMENT_TO_CALL_BYTES = 48;

/** A pickle or a zip (torch.save's two formats) starts here. */
function startsFile(head: Uint8Array): boolean {
  return looksLikePickle(head) || looksLikeZipStart(head);
}

/** The latin-1 bytes a UTF-8 text of code points below 256 spells, or null when it holds any other character. */
function latin1FromUtf8(text: Uint8Array): Uint8Array | null {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const b = text[i]!;
    if (b < 0x80) out[n++] = b;
    else if ((b === 0xc2 || b === 0xc3) && i + 1 < text.length && (text[i + 1]! & 0xc0) === 0x80) out[n++] = ((b & 0x03) << 6) | (text[++i]! & 0x3f);
    else return null;
  }
  return out.subarray(0, n);
}

/**
 * A nested loader's "bytes Pathfinder could not inspect" when those bytes are a cut-out payload that is inspected as
 * a file of its own (queueEmbeddedFiles): what it holds is reported from there.
 */
function withoutEmbeddedLoads(analysis: PickleAnalysis, payloadEnds: number[], start: number): PickleAnalysis {
  if (payloadEnds.length === 0) return analysis;
  const takesPayload = (offset: number | undefined) =>
    offset !== undefined && payloadEnds.some((end) => offset + start >= end && offset + start <= end + ARGUMENT_TO_CALL_BYTES);
  return { ...analysis, issues: analysis.issues.filter((i) => !(i.kind === "unknown-call" && /loads bytes that are not a constant pickle/.test(i.message) && takesPayload(i.offset))) };
}

/** A copy of the analysis with every offset passed through `map` (nested analyses keep their own). */
function remapOffsets(analysis: PickleAnalysis, map: (offset: number) => number): PickleAnalysis {
  return {
    ...analysis,
    imports: analysis.imports.map((i) => ({ ...i, offset: map(i.offset) })),
    calls: analysis.calls.map((c) => ({ ...c, offset: map(c.offset) })),
    persistentIds: analysis.persistentIds.map((p) => ({ ...p, offset: map(p.offset) })),
    issues: analysis.issues.map((i) => (i.offset === undefined ? i : { ...i, offset: map(i.offset) })),
    nested: analysis.nested.map((n) => ({ ...n, offset: map(n.offset) })),
    ...(analysis.error ? { error: { ...analysis.error, offset: map(analysis.error.offset) } } : {}),
  };
}
