package io.tokenmaxx.collect.local;

import java.nio.ByteBuffer;

/**
 * What is known of one log file: its identity when it was read (to tell appended from rewritten),
 * the entries parsed from it, and where an incremental read resumes. Rows {@code [0, committedRows)}
 * come from complete lines before {@code committed}; later rows come from an unterminated last line
 * that is parsed again on the next read.
 *
 * <p>A scan taken from the cache keeps its entries encoded ({@link #block}) until something needs
 * them ({@link #load()}): an unchanged file costs nothing but its identity check.
 */
final class FileScan {
  LogFile file;
  String fileKey;
  long size;
  long mtime;
  long headHash;
  int headLength;
  long committed;
  int committedRows;
  /** Read {@code pool}, {@code entries} and {@code state} only after {@link #load()}. */
  StringPool pool;
  EntryTable entries;
  /** Codex parsing state after the committed lines; null for other formats. */
  CodexLineParser.State state;
  /** The encoded state, pool and entries of a cached scan not yet decoded; null once decoded. */
  ByteBuffer block;
  long markedLines;
  long malformedLines;
  long invalidLines;
  long oversizedLines;
  /** Counts for the unterminated tail (not cumulative). */
  long tailMalformed;
  long tailInvalid;
  /** Bytes read from disk for this file in this scan (0 when it came from the cache). */
  long bytesRead;
  /** How this scan obtained the file's entries. */
  Origin origin = Origin.PARSED;
  /** The path a cached scan was read from (cached scans have no {@link #file} until reused). */
  String cachedPath;

  enum Origin { PARSED, APPENDED, CACHED }

  FileScan(LogFile file) {
    this(file, new StringPool(), new EntryTable());
  }

  private FileScan(LogFile file, StringPool pool, EntryTable entries) {
    this.file = file;
    this.pool = pool;
    this.entries = entries;
  }

  /** A scan whose entries will come from the cache ({@link #block}): nothing allocated for them. */
  static FileScan cached(LogFile file) {
    return new FileScan(file, null, null);
  }

  /** Decodes a cached block if this scan still has one; returns this. */
  synchronized FileScan load() {
    if (block != null) {
      ScanCache.decodeBlock(this, block.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN));
      block = null;
    }
    return this;
  }

  StringPool pool() {
    return load().pool;
  }

  EntryTable entries() {
    return load().entries;
  }

  CodexLineParser.State state() {
    return load().state;
  }

  void set(StringPool pool, EntryTable entries, CodexLineParser.State state) {
    this.pool = pool;
    this.entries = entries;
    this.state = state;
    this.block = null;
  }

  /** This cached scan as the scan of {@code f} in the current discovery (entries still encoded). */
  FileScan reuse(LogFile f) {
    FileScan s = cached(f);
    s.fileKey = fileKey;
    s.size = size;
    s.mtime = mtime;
    s.headHash = headHash;
    s.headLength = headLength;
    s.committed = committed;
    s.committedRows = committedRows;
    synchronized (this) {
      s.pool = pool;
      s.entries = entries;
      s.state = state;
      s.block = block;
    }
    s.markedLines = markedLines;
    s.malformedLines = malformedLines;
    s.invalidLines = invalidLines;
    s.oversizedLines = oversizedLines;
    s.tailMalformed = tailMalformed;
    s.tailInvalid = tailInvalid;
    s.origin = Origin.CACHED;
    return s;
  }

  long malformedTotal() {
    return malformedLines + tailMalformed;
  }

  long invalidTotal() {
    return invalidLines + tailInvalid;
  }
}
