// How many decompressed bytes one file may still produce: the per-file cap, and the scan-wide budget shared by
// every file of a project scan. Every file gets its first 1/FREE_SHARE of the per-file cap (16 MiB of 256) without
// charge, so bombs that spend the scan's budget cannot hide the ordinary compressed files after them. Browser-safe.
import type { PickleScanOptions } from "./types.js";

const FREE_SHARE = 16;
/** Bomb-like sniffs per file (see `DecompressionBudget.chargeSniff`): a few hundred megabytes of decoding at most. */
const MAX_BOMB_LIKE_SNIFFS = 16;

export class DecompressionBudget {
  /** Left for this file under its own cap. */
  private left: number;
  /** Decompressed bytes this file produced so far. */
  private produced = 0;

  constructor(private readonly options: PickleScanOptions) {
    this.left = Math.min(options.limits.maxDecompressedBytes, options.scanBudget?.decompressedBytes ?? Number.POSITIVE_INFINITY);
  }

  /** The most the next decoding may produce. */
  allowance(): number {
    return Math.max(0, Math.min(this.left, this.scanAllowance()));
  }

  available(): boolean {
    return this.left > 0 && this.scanAllowance() > 0;
  }

  /** Whether the scan-wide budget (rather than the file's cap) is what ran out. */
  scanWideSpent(): boolean {
    return this.options.scanBudget !== undefined && this.options.scanBudget.decompressedBytes <= 0;
  }

  charge(bytes: number): void {
    this.left -= bytes;
    const free = Math.max(0, this.freeBytes() - this.produced);
    this.produced += bytes;
    if (this.options.scanBudget) this.options.scanBudget.decompressedBytes -= Math.max(0, bytes - free);
  }

  /**
   * Sniffs of this file that decoded far more than they kept (see `FREE_SNIFF_WORK` in scan.ts): bomb-like members,
   * each up to ~17 MB of decoding for 512 bytes. Past `MAX_BOMB_LIKE_SNIFFS` nothing more of the file is sniffed, so
   * that an archive of thousands of them ends; the decompression budget (the file's own decoding, the files after
   * it) is not charged for them.
   */
  private bombLikeSniffs = 0;

  chargeSniff(): void {
    this.bombLikeSniffs++;
  }

  sniffsAvailable(): boolean {
    return this.bombLikeSniffs < MAX_BOMB_LIKE_SNIFFS;
  }

  private scanAllowance(): number {
    const shared = this.options.scanBudget;
    if (shared === undefined) return Number.POSITIVE_INFINITY;
    return Math.max(0, shared.decompressedBytes) + Math.max(0, this.freeBytes() - this.produced);
  }

  private freeBytes(): number {
    return Math.floor(this.options.limits.maxDecompressedBytes / FREE_SHARE);
  }
}
