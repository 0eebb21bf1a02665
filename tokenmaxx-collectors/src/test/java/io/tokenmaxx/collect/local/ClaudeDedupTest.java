package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dedupe rules, entry by entry (ccusage's, so totals agree). */
class ClaudeDedupTest {
  final List<FileScan> files = new ArrayList<>();

  FileScan file() {
    FileScan f = new FileScan(new LogFile(java.nio.file.Path.of("f" + files.size()), "claude-code", LogFile.Format.CLAUDE, "s", "p", files.size()));
    files.add(f);
    return f;
  }

  static void entry(FileScan f, String msg, String req, boolean sidechain, long cacheRead, long out, boolean fast) {
    EntryTable t = f.entries;
    int r = t.add();
    if (msg != null) t.messageId[r] = f.pool.intern(msg);
    if (req != null) t.requestId[r] = f.pool.intern(req);
    t.cacheRead[r] = cacheRead;
    t.output[r] = out;
    t.flags[r] = (sidechain ? EntryTable.SIDECHAIN : 0) | (fast ? EntryTable.FAST : 0);
  }

  List<Long> kept() {
    ClaudeDedup d = new ClaudeDedup(files).run();
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < d.size; i++) {
      EntryTable t = files.get(d.file[i]).entries;
      out.add(t.cacheRead[d.row[i]] * 1000 + t.output[d.row[i]]);
    }
    return out;
  }

  @Test
  void streamedCopiesKeepTheLargest() {
    FileScan f = file();
    entry(f, "m", "r", false, 10, 1, false);
    entry(f, "m", "r", false, 10, 30, false);
    entry(f, "m", "r", false, 10, 20, false);
    assertThat(kept()).containsExactly(10_030L);
  }

  @Test
  void aSidechainReplayUnderANewRequestIdIsDropped() {
    FileScan parent = file();
    entry(parent, "m", "r-parent", false, 20, 10, false);
    FileScan sub = file();
    entry(sub, "m", "r-replay", true, 50_000, 10, false);
    entry(sub, "m2", "r-own", true, 700, 30, false);
    assertThat(kept()).containsExactly(20_010L, 700_030L);
  }

  @Test
  void theParentCopyReplacesAReplaySeenFirst() {
    FileScan sub = file();
    entry(sub, "m", "r-replay", true, 50_000, 10, false);
    FileScan parent = file();
    entry(parent, "m", "r-parent", false, 20, 10, false);
    entry(parent, "m", "r-parent", false, 5, 5, false);
    assertThat(kept()).containsExactly(20_010L);
  }

  @Test
  void theSameMessageUnderTwoRequestsOutsideSidechainsCountsTwice() {
    FileScan f = file();
    entry(f, "m", "r1", false, 1, 1, false);
    entry(f, "m", "r2", false, 2, 2, false);
    assertThat(kept()).containsExactly(1_001L, 2_002L);
  }

  @Test
  void entriesWithoutAMessageIdAreNeverMerged() {
    FileScan f = file();
    entry(f, null, null, false, 1, 1, false);
    entry(f, null, null, false, 1, 1, false);
    assertThat(kept()).hasSize(2);
  }

  @Test
  void aMissingRequestIdIsPartOfTheKey() {
    FileScan f = file();
    entry(f, "m", null, false, 1, 1, false);
    entry(f, "m", null, false, 1, 5, false);
    entry(f, "m", "r", false, 1, 9, false);
    assertThat(kept()).containsExactly(1_005L, 1_009L);
  }

  @Test
  void onATieTheFastCopyWinsElseTheFirst() {
    FileScan f = file();
    entry(f, "m", "r", false, 1, 1, false);
    entry(f, "m", "r", false, 1, 1, true);
    ClaudeDedup d = new ClaudeDedup(files).run();
    assertThat(d.size).isEqualTo(1);
    assertThat(files.get(0).entries.flags[d.row[0]] & EntryTable.FAST).isNotZero();
    assertThat(d.duplicates).isEqualTo(1);
  }

  @Test
  void copiesAcrossFilesCollapseToo() {
    entry(file(), "m", "r", false, 1, 1, false);
    entry(file(), "m", "r", false, 1, 2, false);
    assertThat(kept()).containsExactly(1_002L);
  }
}
