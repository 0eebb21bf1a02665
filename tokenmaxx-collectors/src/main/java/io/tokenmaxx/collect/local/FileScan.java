package io.tokenmaxx.collect.local;

/**
 * What is known of one log file: its identity when it was read (to tell appended from rewritten),
 * the entries parsed from it, and where an incremental read resumes. Rows {@code [0, committedRows)}
 * come from complete lines before {@code committed}; later rows come from an unterminated last line
 * that is parsed again on the next read.
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
  StringPool pool = new StringPool();
  EntryTable entries = new EntryTable();
  /** Codex parsing state after the committed lines; null for other formats. */
  CodexLineParser.State state;
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

  enum Origin { PARSED, APPENDED, CACHED }

  /** The path a cached scan was read from (cached scans have no {@link #file} until reused). */
  String cachedPath;

  FileScan(LogFile file) {
    this.file = file;
  }

  /** This cached scan as the scan of {@code f} in the current discovery. */
  FileScan reuse(LogFile f) {
    FileScan s = new FileScan(f);
    s.fileKey = fileKey;
    s.size = size;
    s.mtime = mtime;
    s.headHash = headHash;
    s.headLength = headLength;
    s.committed = committed;
    s.committedRows = committedRows;
    s.pool = pool;
    s.entries = entries;
    s.state = state;
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
