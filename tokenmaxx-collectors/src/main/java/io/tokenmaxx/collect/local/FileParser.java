package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Parses one JSONL log file, from the start or from where the previous scan stopped. One instance
 * per thread: it owns the read buffer and the line parsers.
 */
final class FileParser {
  static final Marker CLAUDE_MARKER = new Marker("\"usage\":{", 7);
  static final Marker CODEX_MARKER = new Marker("\"type\":\"t", 2);
  /**
   * Qwen's usage is under keys ending in {@code Count} ({@code promptTokenCount}, ...) or
   * {@code _count} ({@code input_token_count}, ...): {@code ount":} marks both (a few other lines
   * with such keys are parsed and found to carry no usage).
   */
  static final Marker QWEN_MARKER = new Marker("ount\":", 1);
  /** Gemini chats are read whole; larger files are not chats. */
  static final int MAX_GEMINI_FILE = 256 << 20;
  static final int HEAD_BYTES = 4096;
  /** A file this large is worth waiting for the C library's searches ({@link LibC#awaitLoaded}). */
  static final long LARGE_FILE = 16L << 20;

  /** Replaced by the native reader once the C library is loaded (when allowed). */
  private MarkedLineReader reader;
  private final boolean nativeSearch;
  private final QwenLineParser qwen = new QwenLineParser();
  private final GeminiParser gemini = new GeminiParser();
  private final ClaudeLineParser claude = new ClaudeLineParser();
  private final CodexLineParser codex = new CodexLineParser();

  /** @param nativeSearch whether the C library's searches may be used once loaded ({@link LibC}) */
  FileParser(boolean nativeSearch) {
    this.nativeSearch = nativeSearch;
  }

  /** Identity of a file as it is now. */
  record Identity(String fileKey, long size, long mtime) {
    static Identity of(Path p) throws IOException {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) a = Files.readAttributes(p, BasicFileAttributes.class);
      return of(a);
    }

    static Identity of(BasicFileAttributes a) {
      Object key = a.fileKey();
      return new Identity(key == null ? "" : key.toString(), a.size(), a.lastModifiedTime().toMillis());
    }
  }

  /**
   * Reads {@code file}. With {@code previous} (same file, grown, same head) only the bytes after
   * its committed offset are read and the new entries are appended to its own.
   */
  FileScan parse(LogFile file, Identity id, FileScan previous) throws IOException {
    if (file.format() == LogFile.Format.GEMINI) return parseWhole(file, id);
    if (file.format().agent() != null) return parseAgent(file, id);
    FileScan s = new FileScan(file);
    try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
      long size = Math.min(id.size(), ch.size());
      long from = 0;
      if (previous != null) {
        previous.load();
        s.pool = previous.pool;
        s.entries = previous.entries;
        s.entries.truncate(previous.committedRows);
        s.committedRows = previous.committedRows;
        s.state = previous.state == null ? null : previous.state.copy();
        s.markedLines = previous.markedLines;
        s.malformedLines = previous.malformedLines;
        s.invalidLines = previous.invalidLines;
        s.oversizedLines = previous.oversizedLines;
        s.headHash = previous.headHash;
        s.headLength = previous.headLength;
        from = previous.committed;
        s.origin = FileScan.Origin.APPENDED;
      } else {
        s.headLength = (int) Math.min(HEAD_BYTES, size);
        s.headHash = headHash(ch, s.headLength);
        s.entries = new EntryTable(expectedRows(size));
        if (file.format() == LogFile.Format.CODEX) s.state = new CodexLineParser.State();
      }
      s.fileKey = id.fileKey();
      s.size = size;
      s.mtime = id.mtime();
      boolean isCodex = file.format() == LogFile.Format.CODEX;
      boolean isQwen = file.format() == LogFile.Format.QWEN;
      if (nativeSearch && size - from >= LARGE_FILE) LibC.awaitLoaded(100);
      if (reader == null || (nativeSearch && reader instanceof HeapLineReader && LibC.loaded())) {
        reader = MarkedLineReader.create(nativeSearch);
      }
      Marker marker = isCodex ? CODEX_MARKER : isQwen ? QWEN_MARKER : CLAUDE_MARKER;
      MarkedLineReader.Result r = reader.read(ch, from, size, marker, (buf, start, end, mark, offset, terminated) -> {
        if (terminated) {
          LineStatus st = isCodex ? codex.parse(buf, start, end, s.entries, s.pool, s.state)
              : isQwen ? qwen.parse(buf, start, end, s.entries, s.pool)
              : claude.parse(buf, start, end, mark, s.entries, s.pool);
          s.committedRows = s.entries.size;
          count(s, st, false);
        } else {
          CodexLineParser.State scratch = s.state == null ? null : s.state.copy();
          LineStatus st = isCodex ? codex.parse(buf, start, end, s.entries, s.pool, scratch)
              : isQwen ? qwen.parse(buf, start, end, s.entries, s.pool)
              : claude.parse(buf, start, end, mark, s.entries, s.pool);
          count(s, st, true);
        }
      });
      s.committed = r.committed;
      s.bytesRead = r.bytesRead;
      s.markedLines += r.markedLines;
      s.oversizedLines += r.oversizedLines;
      s.malformedLines += r.tornLines;
      s.tailMalformed += r.tornTail;
    }
    return s;
  }

  /**
   * Rows to make room for in a file of {@code size} bytes: about one usage line in 8 KiB of the
   * agents' logs (a guess either way only costs a grown or a larger array; growing by doubling
   * from 16 left as much garbage again for the collector to copy).
   */
  static int expectedRows(long size) {
    return (int) Math.max(16, Math.min(1 << 16, size >> 13));
  }

  /** A Gemini chat: read whole (it is rewritten in place as the conversation grows). */
  private FileScan parseWhole(LogFile file, Identity id) throws IOException {
    FileScan s = new FileScan(file);
    s.fileKey = id.fileKey();
    s.size = id.size();
    s.mtime = id.mtime();
    if (id.size() > MAX_GEMINI_FILE) {
      s.oversizedLines = 1;
      return s;
    }
    byte[] b = Files.readAllBytes(file.path());
    s.bytesRead = b.length;
    s.malformedLines = gemini.parse(b, file.path().toString().endsWith(".jsonl"), id.mtime(), s.entries, s.pool);
    s.markedLines = s.entries.size;
    s.committed = b.length;
    s.committedRows = s.entries.size;
    return s;
  }

  /** A file of an {@link AgentSource}: read whole by the agent's parser. */
  private static FileScan parseAgent(LogFile file, Identity id) throws IOException {
    FileScan s = new FileScan(file);
    s.fileKey = id.fileKey();
    s.size = id.size();
    s.mtime = id.mtime();
    s.malformedLines = file.format().agent().parse(file, s.entries, s.pool);
    s.bytesRead = id.size();
    s.markedLines = s.entries.size;
    s.committed = id.size();
    s.committedRows = s.entries.size;
    return s;
  }

  private static void count(FileScan s, LineStatus st, boolean tail) {
    if (st == LineStatus.MALFORMED) {
      if (tail) s.tailMalformed++;
      else s.malformedLines++;
    } else if (st == LineStatus.INVALID) {
      if (tail) s.tailInvalid++;
      else s.invalidLines++;
    }
  }

  /** Hash of the file's first {@code n} bytes: a rewritten file rarely keeps its first line. */
  static long headHash(FileChannel ch, int n) throws IOException {
    java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(n);
    while (bb.hasRemaining()) {
      if (ch.read(bb, bb.position()) <= 0) break;
    }
    long h = 0xcbf29ce484222325L ^ n;
    for (int i = 0; i < bb.position(); i++) h = (h ^ (bb.get(i) & 0xff)) * 0x100000001b3L;
    return h;
  }
}
