package io.tokenmaxx.bench.locallogs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a seeded corpus of coding-agent logs in the real on-disk layout of a home directory:
 * {@code home/.claude/projects}, {@code home/.config/claude/projects} (Claude Code's two default
 * locations) and {@code home/.codex/{sessions,archived_sessions}}. The same seed and sizes give
 * the same bytes. {@code --no-cross-file-copies} leaves out sidechain replays and archived copies
 * of Codex sessions (the two cases where ccusage's session report disagrees with its daily one).
 *
 * <pre>
 * java -cp ... io.tokenmaxx.bench.locallogs.CorpusGenerator --out DIR [--claude-mib 512]
 *      [--codex-mib 256] [--seed 42] [--from 2025-09-01] [--to 2026-07-20] [--no-cross-file-copies]
 * </pre>
 */
public final class CorpusGenerator {
  private CorpusGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = null;
    long claudeMib = 512, codexMib = 256, seed = 42;
    boolean crossFileCopies = true;
    String profile = "classic", mixOverrides = null;
    LocalDate from = LocalDate.of(2025, 9, 1), to = LocalDate.of(2026, 7, 20);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--out" -> { out = Path.of(v); i++; }
        case "--claude-mib" -> { claudeMib = Long.parseLong(v); i++; }
        case "--codex-mib" -> { codexMib = Long.parseLong(v); i++; }
        case "--seed" -> { seed = Long.parseLong(v); i++; }
        case "--from" -> { from = LocalDate.parse(v); i++; }
        case "--to" -> { to = LocalDate.parse(v); i++; }
        case "--no-cross-file-copies" -> crossFileCopies = false;
        case "--profile" -> { profile = v; i++; }
        case "--mix" -> { mixOverrides = v; i++; }
        default -> {
          System.err.println("unknown option " + a + "; usage: --out DIR [--claude-mib N] [--codex-mib N] [--seed S]"
              + " [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--no-cross-file-copies] [--profile classic|current]"
              + " [--mix key=value,...]");
          System.exit(2);
        }
      }
    }
    if (out == null) {
      System.err.println("--out DIR is required");
      System.exit(2);
    }
    Mix mix;
    try {
      mix = Mix.of(profile, mixOverrides);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Manifest m = generate(out, claudeMib << 20, codexMib << 20, seed, from, to, crossFileCopies, mix);
    Files.writeString(out.resolve("manifest.json"), m.json(), StandardCharsets.UTF_8);
    System.out.println(m.json());
  }

  /** Writes the corpus under {@code out/home}; returns what was written. */
  public static Manifest generate(Path out, long claudeBytes, long codexBytes, long seed,
      LocalDate from, LocalDate to, boolean crossFileCopies) {
    return generate(out, claudeBytes, codexBytes, seed, from, to, crossFileCopies, Mix.of("classic", null));
  }

  /** As above, with today's formats mixed in as {@code mix} says. */
  static Manifest generate(Path out, long claudeBytes, long codexBytes, long seed,
      LocalDate from, LocalDate to, boolean crossFileCopies, Mix mix) {
    Path home = out.resolve("home");
    Random random = new Random(seed);
    RandomText text = new RandomText(random);
    var start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    var end = to.atStartOfDay(ZoneOffset.UTC).toInstant();
    ClaudeCorpus claude = new ClaudeCorpus(random, text, start, end);
    claude.replays = crossFileCopies;
    claude.mix = mix;
    long c = claudeBytes <= 0 ? 0 : claude.write(
        List.of(home.resolve(".claude"), home.resolve(".config").resolve("claude")), claudeBytes);
    CodexCorpus codex = new CodexCorpus(random, text, start, end);
    codex.archivedCopies = crossFileCopies;
    codex.mix = mix;
    long x = codexBytes <= 0 ? 0 : codex.write(home.resolve(".codex"), codexBytes);
    return new Manifest(seed, c, x, claude.stats, codex.stats, mix);
  }

  /** What a generation run wrote. */
  public record Manifest(long seed, long claudeBytes, long codexBytes, ClaudeCorpus.Stats claude,
      CodexCorpus.Stats codex, Mix mix) {
    public String json() {
      return String.format(Locale.ROOT, "{\"seed\":%d,\"claudeBytes\":%d,\"codexBytes\":%d,"
              + "\"claude\":{\"files\":%d,\"sessions\":%d,\"assistantMessages\":%d,\"streamedCopies\":%d,"
              + "\"sidechainReplays\":%d,\"progressCopies\":%d,\"tornLines\":%d,\"copiedFiles\":%d,\"bigLines\":%d},"
              + "\"codex\":{\"files\":%d,\"tokenCounts\":%d,\"repeatedTotals\":%d,\"legacySessions\":%d,"
              + "\"fallbackSessions\":%d,\"archivedCopies\":%d,\"currentSessions\":%d},"
              + "\"claudeCurrent\":{\"sessions\":%d,\"usageFirstSessions\":%d,\"apiRequests\":%d,\"blobs\":%d,"
              + "\"costStates\":%d,\"attachments\":%d},\"mix\":%s}",
          seed, claudeBytes, codexBytes, claude.files, claude.sessions, claude.assistantMessages,
          claude.streamedCopies, claude.sidechainReplays, claude.progressCopies, claude.tornLines,
          claude.copiedFiles, claude.bigLines, codex.files, codex.tokenCounts, codex.repeatedTotals,
          codex.legacySessions, codex.fallbackSessions, codex.archivedCopies, codex.currentSessions,
          claude.currentSessions, claude.usageFirstSessions, claude.apiRequests, claude.blobs, claude.costStates,
          claude.attachments, mix.json());
    }
  }
}
