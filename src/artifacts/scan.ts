// The artifact scan: sniff the bytes, open every container reading a loader could use (one reader per format,
// containers/formats.ts), hand each pickle to the analyser, and turn what the policy says into findings.
// Read-only, bounded, never throws.
import type { Finding, ScanError } from "../core/types.js";
import { decompress, type Compression, type HeavyOutput } from "./containers/decompress.js";
import { READERS } from "./containers/formats.js";
import type { ArtifactLayoutEntry, ContainerListing, ContainerMember, ContainerReader, ReaderContext } from "./containers/reader.js";
import { SNIFF_BYTES, sniffFormat } from "./containers/sniff.js";
import { memorySource, readRange, sliceSource } from "./containers/sources.js";
import { zipReader } from "./containers/zip.js";
import { DecompressionBudget } from "./budget.js";
import { issuesToFindings, type IssueRecord } from "./findings.js";
import { analyzePickle, DEFAULT_PICKLE_OPTIONS, looksLikePickle, type PickleAnalysis } from "./pickle/index.js";
import { couldStartPickle } from "./pickle/sniff.js";
import { HEAD_BYTES, PickleStreams, type PickleHost, type PickleSite } from "./pickle-streams.js";
import type { ByteSource, PickleIssue, PickleScanOptions } from "./types.js";
import { Warnings } from "./warnings.js";
import { findClassNameJson, looksLikeHdf5 } from "./keras/hdf5.js";
import { findFramedPickles, findHeapObjects } from "./containers/embedded-pickles.js";
import { judgeTorchScriptCode, TORCHSCRIPT_CODE } from "./torchscript-code.js";
import { looksLikeGguf, readGgufHeader } from "./gguf/reader.js";
import { judgeChatTemplate } from "./gguf/chat-template.js";
import { escapesModelFolder, readOnnxExternalData } from "./onnx/external-data.js";
import { isKerasConfig, isKerasMetadataName, judgeKerasConfig, type KerasJudgement } from "./keras/judge.js";
import { isNemoContextName, judgeInstantiateConfig, mentionsTarget } from "./config/instantiate.js";
import { MAX_CONFIG_TEXT, parseConfigText } from "./config/parse.js";
import { looksLikeSafetensors, readSafetensorsMetadata } from "./config/safetensors.js";

export type { ArtifactLayoutEntry, ArtifactRole } from "./containers/reader.js";

export interface ArtifactAnalysis {
  member?: string;
  /** Offset of the analysed bytes within the member (or the file when there is no member). */
  baseOffset: number;
  analysis: PickleAnalysis;
}

export interface ArtifactScanResult {
  kind: string;
  layout: ArtifactLayoutEntry[];
  analyses: ArtifactAnalysis[];
  findings: Finding[];
  errors: ScanError[];
}

interface WorkItem {
  source: ByteSource;
  member?: string;
  /** Offset of `source`'s first byte within the member's (or file's) coordinates. */
  origin: number;
  depth: number;
  /** The container says this should be a pickle (e.g. `data.pkl`): analyse even if the sniff disagrees. */
  expectPickle?: boolean;
  /** The file's own name says pickle (`model.pkl`): bytes of no known format are analysed as one. */
  nameSaysPickle?: boolean;
  /** Produces the real source (a decompressed member) when the item is inspected; null skips it. */
  open?: () => Promise<ByteSource | null>;
  /** A member of a TorchScript archive: its pickles are read by TorchScript's unpickler (see TORCHSCRIPT_GLOBALS). */
  torchScript?: boolean;
}

const MAX_WORK_ITEMS = 10_000;
/**
 * What a sniff may decode without charge: a zip member's first 512 bytes take a few kilobytes of text or code, and
 * bomb-like data a megabyte or more (see `DecompressOptions.work`).
 */
const FREE_SNIFF_WORK = 256 * 1024;
/** The member of a .keras archive that Keras rebuilds the model from. */
const KERAS_CONFIG = "config.json";
const MAX_KERAS_CONFIG = 64 * 1024 * 1024;
/** TorchScript source read per member (a model's printed code is kilobytes). */
const MAX_TORCHSCRIPT_CODE = 16 * 1024 * 1024;
/** The most bytes read for one pickle found inside an HDF5 file (an object row is small; its analysis stops at STOP). */
const MAX_EMBEDDED_PICKLE = 16 * 1024 * 1024;
/** Opcodes analysed per file across all its pickles (a 3,000-member archive must not cost 3,000 full budgets). */
const DEFAULT_OPCODES_PER_FILE = 50_000_000;
/**
 * What TorchScript's unpickler resolves without Python in a torch.jit.save archive (torch.load hands such a zip to
 * torch.jit.load): `__torch__.*` names the archive's own TorchScript classes (compiled from its code/ folder, never
 * imported), and the `torch.jit._pickle` helpers tag list types (in Python each returns its argument). Measured on
 * scripted and traced modules saved by torch 1.13: without this every benign TorchScript file was reported critical.
 */
const TORCHSCRIPT_GLOBALS = {
  names: [
    "__torch__.*",
    ...["build_intlist", "build_tensorlist", "build_doublelist", "build_boollist", "build_tensor_from_id", "restore_type_tag"].map((f) => `torch.jit._pickle.${f}`),
  ],
  reason: "resolved by TorchScript's unpickler in a torch.jit.save archive",
};

/** GGUF metadata keys rendered as Jinja templates: the default chat template and named ones (`.tool_use`, `.rag`). */
const CHAT_TEMPLATE_KEY = /^tokenizer\.chat_template(\..*)?$/;
/** Chat template text judged per key (real templates are a few kilobytes; the longest seen are under 20 KiB). */
const MAX_CHAT_TEMPLATE = 4 * 1024 * 1024;
const ONNX_NAME = /\.onnx$/i;
/** Archive members a loader may hand to hydra.utils.instantiate (NeMo's model_config.yaml, hparams, JSON configs). */
const CONFIG_MEMBER = /\.(ya?ml|json)$/i;
const SAFETENSORS_NAME = /\.safetensors$/i;

/** File names that loaders unpickle directly (torch.load, joblib.load, pickle.load by convention). */
const PICKLE_NAME = /\.(pkl|pickle|pck|pcl|p|pt|pth|bin|ckpt|joblib|jbl|dill|sav|dat|th)$/i;

export async function scanArtifact(
  source: ByteSource,
  relPath: string,
  options: Partial<PickleScanOptions> = {},
): Promise<ArtifactScanResult> {
  const scan = new ArtifactScan(relPath, {
    ...DEFAULT_PICKLE_OPTIONS,
    ...options,
    limits: { ...DEFAULT_PICKLE_OPTIONS.limits, ...options.limits },
  });
  await scan.run(source);
  return scan.result();
}

class ArtifactScan implements PickleHost {
  private readonly layoutRows: ArtifactLayoutEntry[] = [];
  private readonly analyses: ArtifactAnalysis[] = [];
  private readonly warningList: Warnings;
  private readonly issues: IssueRecord[] = [];
  private readonly queue: WorkItem[] = [];
  private readonly traits = new Set<string>();
  private readonly pickles = new PickleStreams(this);
  private baseKind = "unknown";
  private readonly budget: DecompressionBudget;
  private budgetWarned = false;
  opcodesLeft: number;
  private opcodesWarned = false;
  /** The options of the last analysis (the same until the file's opcode budget runs low). */
  private analysisOptions: PickleScanOptions | undefined;
  /** The item being inspected is a member of a TorchScript archive. */
  private inTorchScript = false;

  constructor(
    private readonly relPath: string,
    readonly options: PickleScanOptions,
  ) {
    this.budget = new DecompressionBudget(options);
    this.warningList = new Warnings(relPath);
    this.opcodesLeft = options.limits.maxOpcodesPerFile ?? DEFAULT_OPCODES_PER_FILE;
  }

  analyze(bytes: Uint8Array): PickleAnalysis {
    const maxOpcodes = Math.max(0, Math.min(this.options.limits.maxOpcodes, this.opcodesLeft));
    if (this.analysisOptions?.limits.maxOpcodes !== maxOpcodes) {
      this.analysisOptions = { ...this.options, limits: { ...this.options.limits, maxOpcodes } };
    }
    if (bytes.length > (this.options.heavyInputBytes ?? Infinity)) this.options.onHeavyInput?.();
    const options = this.inTorchScript ? { ...this.analysisOptions, loaderGlobals: TORCHSCRIPT_GLOBALS } : this.analysisOptions;
    const analysis = analyzePickle(bytes, options);
    this.charge(analysis.opcodeCount);
    return analysis;
  }

  refund(opcodes: number): void {
    this.opcodesLeft += opcodes;
  }

  charge(opcodes: number): void {
    this.opcodesLeft -= opcodes;
    if (this.opcodesLeft <= 0 && !this.opcodesWarned) {
      this.opcodesWarned = true;
      this.warn(`the file holds more than ${this.options.limits.maxOpcodesPerFile ?? DEFAULT_OPCODES_PER_FILE} pickle opcodes; the rest was not inspected`);
    }
  }

  layout(row: ArtifactLayoutEntry): void {
    this.layoutRows.push(row);
  }

  trait(name: string): void {
    this.traits.add(name);
  }

  async run(source: ByteSource): Promise<void> {
    this.queue.push({ source, origin: 0, depth: 0, ...(PICKLE_NAME.test(this.relPath) ? { nameSaysPickle: true } : {}) });
    let processed = 0;
    while (this.queue.length > 0) {
      const item = this.queue.shift()!;
      if (item.source.size > (this.options.heavyInputBytes ?? Infinity)) this.options.onHeavyInput?.();
      if (++processed > MAX_WORK_ITEMS) {
        this.warn(`more than ${MAX_WORK_ITEMS} nested pieces; the rest were not inspected`);
        break;
      }
      try {
        if (item.open) {
          const opened = await item.open();
          if (opened === null) continue;
          item.source = opened;
          delete item.open;
        }
        this.inTorchScript = item.torchScript === true;
        await this.inspect(item);
      } catch (error) {
        this.warn(`could not inspect: ${error instanceof Error ? error.message : String(error)}`, item.member);
      }
    }
  }

  result(): ArtifactScanResult {
    return {
      kind: this.kind(),
      layout: this.layoutRows,
      analyses: this.analyses,
      findings: issuesToFindings(this.relPath, this.issues),
      errors: this.warningList.list(),
    };
  }

  private kind(): string {
    if (this.traits.has("torch-legacy")) return "torch-legacy";
    if (this.traits.has("joblib")) return "joblib";
    if (this.baseKind === "zip" && this.traits.has("torch-zip")) return "torch-zip";
    if (this.baseKind === "zip" && this.traits.has("npz")) return "npz";
    if (this.baseKind === "pickle" && this.traits.has("zip")) return "pickle+zip";
    if (this.baseKind === "zip" && this.traits.has("keras")) return "keras";
    return this.baseKind;
  }

  warn(message: string, member?: string): void {
    this.warningList.add(message, member);
  }

  /** Content skipped for a budget: a warning, and once per file a finding (a payload could hide there). */
  private notInspected(message: string, member: string): void {
    this.warn(message, member);
    if (this.budgetWarned) return;
    this.budgetWarned = true;
    this.addIssue({ kind: "uninspectable", severity: "medium", message: `${message} (decompression budget spent)` }, member, 0);
  }

  private addIssue(issue: PickleIssue, member: string | undefined, baseOffset: number, from?: IssueRecord["from"]): void {
    this.issues.push({ issue, ...(member !== undefined ? { member } : {}), baseOffset, ...(from ? { from } : {}) });
  }

  // ---- dispatch ----------------------------------------------------------------------------------

  private async inspect(item: WorkItem): Promise<void> {
    if (item.depth > this.options.limits.maxNesting) {
      this.warn(`containers nested deeper than ${this.options.limits.maxNesting}; not inspected`, item.member);
      return;
    }
    const head = await readRange(item.source, 0, HEAD_BYTES);
    if (head.length === 0) {
      if (item.depth === 0) this.warn("file is empty");
      return;
    }
    // Every reading a loader could take: a file can be a valid tar and a valid gzip (or zip, lzma, ...) at once, and
    // tarfile, gzip, zipfile and torch.load each pick their own. The first reading that matches speaks; the others
    // are inspected quietly (their decoding errors are expected when the bytes are only coincidentally alike).
    if (looksLikeHdf5(head) || isKerasMetadataName(item.member ?? this.relPath)) {
      if (item.depth === 0) this.baseKind = looksLikeHdf5(head) ? "hdf5" : "keras-metadata";
      await this.inspectKerasConfigs(item);
      if (looksLikeHdf5(head)) await this.inspectHdf5Pickles(item);
      return;
    }
    if (item.depth === 0 && isNemoContextName(this.relPath)) {
      // A NeMo 2.0 checkpoint folder's context, scanned where it lies (in an archive, .json/.yaml members are judged).
      this.baseKind = "config";
      return this.inspectInstantiateConfig(item.source, item.member);
    }
    if (SAFETENSORS_NAME.test(item.member ?? this.relPath) && looksLikeSafetensors(head, item.source.size)) {
      if (item.depth === 0) this.baseKind = "safetensors";
      return this.inspectSafetensors(item);
    }
    if (looksLikeGguf(head)) {
      if (item.depth === 0) this.baseKind = "gguf";
      return this.inspectGguf(item);
    }
    const readers = READERS.filter((reader) => reader.sniff(head));
    if (readers.length === 0 && ONNX_NAME.test(item.member ?? this.relPath)) {
      if (item.depth === 0) this.baseKind = "onnx";
      return this.inspectOnnx(item);
    }
    const pickleLike = readers.length === 0 && (item.expectPickle === true || looksLikePickle(head));
    if (item.depth === 0) this.baseKind = pickleLike ? "pickle" : (readers[0]?.format ?? "unknown");
    if (readers.length > 0) {
      for (const [index, reader] of readers.entries()) await this.openContainer(item, reader, { localHeaderAt: 0 }, index > 0);
      // zipfile finds an archive by the end record, whatever the first bytes are (a tar or gzip with a zip at its end).
      if (!readers.includes(zipReader)) await this.openContainer(item, zipReader, { localHeaderAt: -1 }, true);
      return;
    }
    if (pickleLike) return this.inspectPickles(item);
    // A name that promises a pickle does not stop a zip reader from finding an archive after other bytes.
    if (await this.openContainer(item, zipReader, { localHeaderAt: -1 })) return;
    if (item.nameSaysPickle === true) {
      // A loader given `model.pkl` unpickles it whatever its first bytes are (broken-pickle trick).
      if (item.depth === 0) this.baseKind = "pickle";
      return this.inspectPickles(item);
    }
    if (item.depth === 0 && !this.options.pickedByContent) this.warn("content is not a pickle or a known container; not inspected");
  }

  /** Lists a container's members and queues each one a loader could unpickle or open further; false: not one. */
  private async openContainer(
    item: WorkItem,
    reader: ContainerReader,
    options: { localHeaderAt?: number; afterPickle?: boolean },
    quiet = false,
  ): Promise<boolean> {
    const listing = await reader.list(item.source, this.readerContext(item, quiet), options);
    if (listing === null) return false;
    if (item.depth === 0 && this.baseKind === "unknown") this.baseKind = reader.format;
    for (const alternate of listing.alternates ?? []) {
      this.queue.push({ source: alternate, ...(item.member !== undefined ? { member: item.member } : {}), origin: item.origin, depth: item.depth + 1 });
    }
    for (const member of listing.members) await this.queueMember(item, reader, member);
    return true;
  }

  private async queueMember(item: WorkItem, reader: ContainerReader, member: ContainerMember): Promise<void> {
    const name = memberName(item.member, member.path);
    // Members with a path of their own have offsets in the container; a decoded stream or payload continues its parent's.
    const own = member.path !== "" && !member.path.startsWith("[");
    const row: ArtifactLayoutEntry = {
      name: member.label !== undefined ? `${item.member ?? ""}${member.label}` : name!,
      container: reader.format,
      offset: own ? member.offset : item.origin + member.offset,
      size: member.size,
      compressedSize: member.compressedSize,
      method: member.method,
      role: member.role ?? "other",
    };
    this.layoutRows.push(row);
    if (member.pickleRanges) {
      const located = await member.pickleRanges();
      for (const warning of located.warnings) this.warn(warning, name);
      for (const range of located.pickles) {
        const bytes = await this.readPickleBytes(located.source, range.start, range.end - range.start, name);
        this.record(this.analyze(bytes), name, range.start);
      }
      return;
    }
    if (row.role === "tensor-data" || !member.head || !member.open) return;
    // Judged as a config, then read as Keras' or sniffed like any member (a pickle named .yaml is still a pickle).
    if (CONFIG_MEMBER.test(member.path) && (reader.format === "tar" || reader.format === "zip") && member.size <= MAX_CONFIG_TEXT) {
      await this.inspectInstantiateConfig(await member.open(), name);
    }
    if (member.path === KERAS_CONFIG && reader.format === "zip") return this.inspectKerasConfig(await member.open(), name, item.depth + 1);
    if (member.torchScript && TORCHSCRIPT_CODE.test(member.path)) return this.inspectTorchScriptCode(await member.open(), name);
    const expectPickle = member.expectPickle === true;
    // Formats read by name or by their own magic rather than by a container reader's sniff.
    const readByName = isKerasMetadataName(member.path) || ONNX_NAME.test(member.path);
    let head: Uint8Array;
    if (member.decoded) {
      // Most members of an archive are code or text: their first bytes already rule out a pickle or a nested
      // container, so only the others are decoded far enough for the full sniff.
      const first = await member.head(SNIFF_BYTES);
      if (!expectPickle && !readByName && !couldStartPickle(first) && sniffFormat(first) === "unknown" && !looksLikeHdf5(first) && !looksLikeGguf(first)) return;
      head = first.length < SNIFF_BYTES ? first : await member.head(HEAD_BYTES);
    } else {
      head = await member.head(HEAD_BYTES);
    }
    const pickleLike = looksLikePickle(head);
    if (pickleLike || expectPickle) row.role = "pickle";
    if (!pickleLike && !expectPickle && sniffFormat(head) === "unknown" && !looksLikeHdf5(head) && !looksLikeGguf(head) && !readByName) return;
    const open = member.open.bind(member);
    this.queue.push({
      source: item.source,
      open: async () => {
        const opened = await open();
        if (opened && member.decoded) row.size = opened.size;
        return opened;
      },
      ...(name !== undefined ? { member: name } : {}),
      origin: member.path === "" ? item.origin + member.offset : 0,
      depth: item.depth + 1,
      expectPickle,
      ...(member.torchScript ? { torchScript: true } : {}),
    });
  }

  /** `quiet`: a second reading of bytes another reader already took; what it cannot read is not news. */
  private readerContext(item: WorkItem, quiet: boolean): ReaderContext {
    return {
      limits: this.options.limits,
      member: item.member,
      decompress: (format, input, member, want) => this.decompressBounded(format, input, member, want, quiet),
      canDecompress: () => this.budget.available(),
      canSniff: () => this.budget.available() && this.budget.sniffsAvailable(),
      notInspected: (message, member) => this.notInspected(message, member),
      warn: (message, member) => {
        if (!quiet) this.warn(message, member);
      },
      issue: (issue, member) => {
        if (!quiet || issue.kind !== "uninspectable") this.addIssue(issue, member, item.origin);
      },
      trait: (name) => {
        if (!quiet) this.traits.add(name);
      },
    };
  }

  /** A legacy Keras .h5 model or a SavedModel's keras_metadata.pb: the configurations it holds (see keras/hdf5.ts). */
  private async inspectKerasConfigs(item: WorkItem): Promise<void> {
    const cap = this.options.limits.maxDecompressedBytes;
    const { found, complete } = await findClassNameJson(item.source, cap);
    if (!complete) this.warn(`file of ${item.source.size} bytes: only its first ${cap} bytes were searched for a Keras configuration`, item.member);
    for (const json of found) {
      if (!isKerasConfig(json.value)) continue;
      this.trait("keras");
      const judgement = judgeKerasConfig(json.value, this.options.projectGlobals);
      for (const issue of judgement.issues) this.addIssue({ ...issue, offset: item.origin + json.offset }, item.member, item.origin);
      this.queueEmbedded(judgement, item.member, item.depth);
    }
  }

  /**
   * Pickles an HDF5 file stores whole: PyTables' ObjectAtom rows (pandas' HDFStore object data), unpickled when read
   * (tables/atom.py: ObjectAtom.fromarray). A header that random bytes matched does not parse; only pickles that parse,
   * or that call a denylisted global before breaking, are kept.
   */
  private async inspectHdf5Pickles(item: WorkItem): Promise<void> {
    const maxBytes = this.options.limits.maxDecompressedBytes;
    const rows = (await findHeapObjects(item.source, maxBytes)).filter((row) => row.size <= MAX_EMBEDDED_PICKLE);
    const candidates = new Map<number, number>();
    for (const at of await findFramedPickles(item.source, maxBytes)) candidates.set(at, Math.min(MAX_EMBEDDED_PICKLE, item.source.size - at));
    for (const row of rows) {
      if (looksLikePickle(await readRange(item.source, row.offset, Math.min(row.size, HEAD_BYTES)), row.size > HEAD_BYTES)) candidates.set(row.offset, row.size);
    }
    for (const [at, length] of [...candidates].sort((a, b) => a[0] - b[0])) {
      const bytes = await readRange(item.source, at, length);
      const analysis = this.analyze(bytes);
      if (analysis.imports.length === 0) continue;
      if (analysis.error !== undefined && !analysis.issues.some((i) => i.severity === "critical")) continue;
      this.record(analysis, item.member, item.origin + at);
    }
  }

  /** TorchScript source in a torch.jit.save archive (see torchscript-code.ts). */
  private async inspectTorchScriptCode(source: ByteSource | null, member: string | undefined): Promise<void> {
    if (source === null) return;
    const text = new TextDecoder("utf-8").decode(await readRange(source, 0, Math.min(source.size, MAX_TORCHSCRIPT_CODE)));
    for (const issue of judgeTorchScriptCode(text)) this.addIssue(issue, member, 0);
  }

  /** A GGUF model: its chat templates (rendered as Jinja by runtimes) and whether its header fits the file. */
  private async inspectGguf(item: WorkItem): Promise<void> {
    const header = await readGgufHeader(item.source, { wants: (key) => CHAT_TEMPLATE_KEY.test(key), maxStringBytes: MAX_CHAT_TEMPLATE });
    for (const template of header.strings) {
      if (template.truncated) this.warn(`${template.key} is longer than ${MAX_CHAT_TEMPLATE} bytes; only its start was judged`, item.member);
      const found = judgeChatTemplate(template.value);
      if (found.length === 0) continue;
      const reasons = found.map((f) => f.reason).join("; ");
      this.addIssue(
        { kind: "gguf-template", severity: "critical", message: `GGUF ${template.key} reaches Python internals when rendered (${reasons}): outside a sandbox this runs code`, offset: item.origin + template.offset },
        item.member,
        item.origin,
      );
    }
    if (header.malformed !== undefined) {
      // A header cut short (a partial download) is only read as far as it goes; a forged one is reported.
      this.warn(`GGUF header ${header.forged ? "is forged" : "is cut short or damaged"}: ${header.malformed}; the rest of the header was not read`, item.member);
      if (header.forged) this.addIssue({ kind: "gguf-malformed", severity: "high", message: `GGUF header declares what no writer produces: ${header.malformed}` }, item.member, item.origin);
    }
  }

  /** An ONNX model: tensors whose external data a loader would read from outside the model's folder. */
  private async inspectOnnx(item: WorkItem): Promise<void> {
    const { refs, stopped } = await readOnnxExternalData(item.source);
    for (const ref of refs) {
      const why = escapesModelFolder(ref.location);
      if (why === undefined) continue;
      this.addIssue(
        {
          kind: "onnx-external-path",
          severity: "high",
          message: `ONNX tensor ${JSON.stringify(ref.tensor)} keeps its data at ${JSON.stringify(ref.location)}, which ${why}: onnx.load reads (and a save writes) outside the model's folder`,
          offset: item.origin + ref.offset,
        },
        item.member,
        item.origin,
      );
    }
    if (stopped !== undefined) this.warn(`not read as an ONNX model past a point: ${stopped}`, item.member);
  }

  /** A config inside a model archive: every `_target_` a loader would instantiate (see config/instantiate.ts). */
  private async inspectInstantiateConfig(source: ByteSource | null, member: string | undefined): Promise<void> {
    if (source === null || source.size > MAX_CONFIG_TEXT) return;
    const text = new TextDecoder("utf-8").decode(await readRange(source, 0, source.size));
    if (!mentionsTarget(text)) return;
    for (const issue of judgeInstantiateConfig(await parseConfigText(text))) this.addIssue(issue, member, 0);
  }

  /** A safetensors file: tensors cannot run code, but configs in its `__metadata__` are instantiated by some loaders. */
  private async inspectSafetensors(item: WorkItem): Promise<void> {
    const { values, stopped } = await readSafetensorsMetadata(item.source);
    if (stopped !== undefined) this.warn(`safetensors header not read: ${stopped}`, item.member);
    for (const { key, text } of values) {
      if (!mentionsTarget(text)) continue;
      for (const issue of judgeInstantiateConfig(await parseConfigText(text))) {
        this.addIssue({ ...issue, message: `safetensors metadata ${JSON.stringify(key)}: ${issue.message}` }, item.member, item.origin);
      }
    }
  }

  /** A .keras archive's config.json: the model Keras rebuilds on load. */
  private async inspectKerasConfig(source: ByteSource | null, member: string | undefined, depth: number): Promise<void> {
    if (source === null) return;
    if (source.size > MAX_KERAS_CONFIG) {
      this.warn(`config.json of ${source.size} bytes is larger than ${MAX_KERAS_CONFIG} bytes; not inspected`, member);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8").decode(await readRange(source, 0, source.size)));
    } catch {
      return; // not JSON: Keras could not load it either
    }
    if (!isKerasConfig(json)) return;
    this.trait("keras");
    const judgement = judgeKerasConfig(json, this.options.projectGlobals);
    for (const issue of judgement.issues) this.addIssue(issue, member, 0);
    this.queueEmbedded(judgement, member, depth);
  }

  /** Files a Keras config hands to another loader (torch.load of a TorchModuleWrapper's bytes): scanned like the file. */
  private queueEmbedded(judgement: KerasJudgement, member: string | undefined, depth: number): void {
    for (const file of judgement.embedded) {
      // torch.load reads bytes that are not a zip as a legacy (pickle) checkpoint.
      this.queue.push({ source: memorySource(file.bytes), member: `${member ?? ""}>${file.label}`, origin: 0, depth: depth + 1, nameSaysPickle: true });
    }
  }

  /** The pickles at the start of the item, then whatever follows them (a zip polyglot, another container). */
  private async inspectPickles(item: WorkItem): Promise<void> {
    const position = await this.pickles.inspect(item);
    if (position === null) return;
    const head = await readRange(item.source, position, HEAD_BYTES);
    if (await this.openContainer(item, zipReader, { localHeaderAt: zipReader.sniff(head) ? position : -1, afterPickle: this.baseKind === "pickle" })) return;
    if (sniffFormat(head) !== "unknown") {
      this.queue.push({
        source: sliceSource(item.source, position, item.source.size - position),
        ...(item.member !== undefined ? { member: item.member } : {}),
        origin: item.origin + position,
        depth: item.depth + 1,
      });
      return;
    }
    this.warn(`${item.source.size - position} bytes after the pickle at offset ${item.origin + position} were not inspected`, item.member);
  }

  // ---- budgets -----------------------------------------------------------------------------------

  /** A stream that decodes to more than `heavyInputBytes` is heavy work as soon as its output gets there. */
  private heavyOutput(): { heavy?: HeavyOutput } {
    const { heavyInputBytes, onHeavyInput } = this.options;
    return heavyInputBytes !== undefined && onHeavyInput ? { heavy: { bytes: heavyInputBytes, reached: onHeavyInput } } : {};
  }

  private async decompressBounded(format: Compression, input: ByteSource, member: string, want?: number, quiet = false) {
    const work = { bytes: 0 };
    const result = await decompress(format, input, {
      limit: this.budget.allowance(),
      ...(want !== undefined ? { want, work } : {}),
      ...this.heavyOutput(),
      ...(this.options.inflate ? { inflate: this.options.inflate } : {}),
    });
    if (want === undefined || result.limitReached) this.budget.charge(result.bytes.length);
    // A sniff that decoded far more than it kept: bomb-like data, of which a file may sniff only so much.
    else if (work.bytes > FREE_SNIFF_WORK) this.budget.chargeSniff();
    if (result.limitReached && !this.budgetWarned) {
      this.budgetWarned = true;
      const scanWide = this.budget.scanWideSpent();
      this.addIssue(
        {
          kind: "uninspectable",
          severity: "medium",
          message: scanWide
            ? "decompression stopped: the scan's total decompression budget is spent; the rest of this file was not inspected"
            : `decompressed content exceeds the ${this.options.limits.maxDecompressedBytes}-byte limit (possible decompression bomb); the rest was not inspected`,
        },
        member,
        0,
      );
    }
    if (result.error && !quiet) this.warn(`${format} data is corrupt or truncated: ${result.error}`, member);
    if (result.error && !quiet && /not supported/.test(result.error)) {
      // Loaders with a fuller decoder see content we cannot: say so rather than call the file clean.
      this.addIssue({ kind: "uninspectable", severity: "medium", message: `${format} data uses a feature Pathfinder cannot decode (${result.error})` }, member, 0);
    }
    return result;
  }

  async readPickleBytes(source: ByteSource, offset: number, length: number, member?: string): Promise<Uint8Array> {
    const cap = this.options.limits.maxDecompressedBytes;
    if (length > cap) {
      this.warn(`pickle of ${length} bytes exceeds the ${cap}-byte limit; only its start was analysed`, member);
      return readRange(source, offset, cap);
    }
    return readRange(source, offset, length);
  }

  inspectEmbedded(site: PickleSite, bytes: ByteSource, offset: number, member: string): void {
    this.queue.push({ source: bytes, member, origin: site.origin + offset, depth: site.depth + 1 });
  }

  record(analysis: PickleAnalysis, member: string | undefined, baseOffset: number): void {
    this.analyses.push({ ...(member !== undefined ? { member } : {}), baseOffset, analysis });
    if (analysis.error && analysis.isPickle) {
      this.warn(`pickle analysis stopped at offset ${baseOffset + analysis.error.offset}: ${analysis.error.message}`, member);
    }
    // Nested pickles (inside byte-string arguments) report their own issues; iterate, no recursion.
    const pending: { analysis: PickleAnalysis; base: number; nestedIn?: number }[] = [{ analysis, base: baseOffset }];
    while (pending.length > 0) {
      const { analysis: current, base, nestedIn } = pending.pop()!;
      const hasNested = current.nested.length > 0;
      for (const issue of current.issues) {
        if (issue.kind === "nested-pickle" && hasNested) continue; // the inner analysis reports the detail
        const located =
          nestedIn === undefined
            ? { ...issue, ...(issue.offset !== undefined ? { offset: base + issue.offset } : {}) }
            : { ...issue, offset: nestedIn, message: `${issue.message} (in a pickle nested at offset ${nestedIn})` };
        this.addIssue(located, member, 0, nestedIn === undefined ? { analysis: current, base } : undefined);
      }
      for (const inner of current.nested) {
        pending.push({ analysis: inner.analysis, base: 0, nestedIn: nestedIn ?? base + inner.offset });
      }
    }
  }

}

/** A member's name: a path joins its parent's with `/`, a `[label]` is appended, "" keeps the parent's name. */
function memberName(parent: string | undefined, path: string): string | undefined {
  if (path === "") return parent;
  if (path.startsWith("[")) return `${parent ?? ""}${path}`;
  return parent ? `${parent}/${path}` : path;
}
