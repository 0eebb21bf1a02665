package io.tokenmaxx.cli.report;

import io.tokenmaxx.collect.local.ScanStats;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a report as a terminal table: right-aligned numbers with thousands separators, one line
 * per model, a totals row, colours only when asked. Columns give way to the width: first the tool
 * column, then model names are shortened, then dropped, and at last numbers are abbreviated
 * ({@code 5.22B}); {@code --compact} starts without tools and models.
 */
final class TableReport {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String CYAN = "\u001b[36m";
  private static final String YELLOW = "\u001b[33m";
  private static final String GREEN = "\u001b[32m";

  private final Report report;
  private final Terminal term;
  private final boolean compact;

  TableReport(Report report, Terminal term, boolean compact) {
    this.report = report;
    this.term = term;
    this.compact = compact;
  }

  void write(PrintWriter out) {
    ReportKind kind = report.kind();
    String costs = switch (report.basis()) {
      case REPORTED_FIRST -> "costs as logged, else at catalog prices of " + JsonReport.PRICES_TAKEN_ON;
      case COMPUTED_FIRST, COMPUTED -> "costs at catalog prices of " + JsonReport.PRICES_TAKEN_ON;
      case REPORTED -> "costs as logged";
    };
    out.println(style(BOLD, "tokenmaxx — " + kind.key + " usage, " + report.zone().getId()));
    out.println(style(DIM, costs));
    if (report.rows().isEmpty()) {
      out.println("No usage found" + (report.stats() == null ? " on the server" : " in the local logs")
          + (report.stats() != null && report.stats().files() == 0
          ? " (no log files found; see 'tokenmaxx report --help' for where logs are read from)." : " for this range."));
      out.flush();
      return;
    }
    boolean showTools = !compact && kind != ReportKind.SESSION;
    boolean showModels = !compact && kind != ReportKind.MODELS;
    boolean abbreviate = false;
    int modelWidth = 40;
    List<String[]> lines;
    int[] widths;
    while (true) {
      lines = lines(showTools, showModels, abbreviate, modelWidth);
      widths = widths(lines);
      int total = 0;
      for (int w : widths) total += w + 2;
      if (total <= term.width()) break;
      if (showTools) showTools = false;
      else if (showModels && modelWidth > 18) modelWidth -= 6;
      else if (showModels) showModels = false;
      else if (!abbreviate) abbreviate = true;
      else break;
    }
    int cols = widths.length;
    boolean[] numeric = new boolean[cols];
    for (int c = cols - 6; c < cols; c++) numeric[c] = true;
    String rule = term.unicode() ? "─" : "-";
    for (int i = 0; i < lines.size(); i++) {
      String[] l = lines.get(i);
      if (l == null) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cols; c++) sb.append(c == 0 ? "" : "  ").append(rule.repeat(widths[c]));
        out.println(style(DIM, sb.toString()));
        continue;
      }
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        if (c > 0) sb.append("  ");
        String cell = l[c] == null ? "" : l[c];
        String padded = numeric[c] ? pad(cell, widths[c], true) : pad(cell, widths[c], false);
        if (i == 0) padded = style(BOLD + CYAN, padded);
        else if (l == totalsLine) padded = style(BOLD + YELLOW, padded);
        else if (c == cols - 1 && !cell.isEmpty()) padded = style(GREEN, padded);
        sb.append(padded);
      }
      out.println(stripEnd(sb.toString()));
    }
    footer(out);
    out.flush();
  }

  private String[] totalsLine;

  private List<String[]> lines(boolean showTools, boolean showModels, boolean abbreviate, int modelWidth) {
    ReportKind kind = report.kind();
    List<String> head = new ArrayList<>();
    head.add(kind.heading);
    if (kind == ReportKind.SESSION && !compact) head.add("Tool");
    if (showTools) head.add("Tools");
    if (showModels) head.add("Models");
    head.addAll(List.of("Input", "Output", "Cache Write", "Cache Read", "Total Tokens", "Cost (USD)"));
    int cols = head.size();
    List<String[]> out = new ArrayList<>();
    out.add(head.toArray(new String[0]));
    out.add(null);
    for (Row r : report.rows()) {
      List<String> models = new ArrayList<>();
      for (Map.Entry<String, Sums> m : r.models.entrySet()) {
        models.add(shorten(m.getKey(), modelWidth) + (m.getValue().unpriced > 0 ? " *" : ""));
      }
      List<String> tools = new ArrayList<>(r.tools);
      int height = Math.max(1, Math.max(showModels ? models.size() : 1, showTools ? tools.size() : 1));
      for (int k = 0; k < height; k++) {
        String[] l = new String[cols];
        int c = 0;
        l[c++] = k == 0 ? (kind == ReportKind.MODELS && r.sums.unpriced > 0 ? r.period + " *" : r.period) : "";
        if (kind == ReportKind.SESSION && !compact) l[c++] = k == 0 ? r.tool : "";
        if (showTools) l[c++] = k < tools.size() ? tools.get(k) : "";
        if (showModels) l[c++] = k < models.size() ? models.get(k) : "";
        if (k == 0) numbers(l, c, r.sums, abbreviate);
        out.add(l);
      }
      if (report.by() != null && !r.breakdown.isEmpty()) {
        for (Map.Entry<String, Sums> e : r.breakdown.entrySet()) {
          String[] l = new String[cols];
          l[0] = "";
          int c = 1;
          if (kind == ReportKind.SESSION && !compact) l[c++] = "";
          if (showTools) l[c++] = "";
          if (showModels) l[c++] = "";
          l[c - 1] = "  · " + shorten(e.getKey(), modelWidth);
          if (c == 1) l[0] = "  · " + shorten(e.getKey(), 24);
          numbers(l, c, e.getValue(), abbreviate);
          out.add(l);
        }
      }
    }
    out.add(null);
    String[] t = new String[cols];
    t[0] = "Total";
    for (int c = 1; c < cols - 6; c++) t[c] = "";
    numbers(t, cols - 6, report.totals(), abbreviate);
    totalsLine = t;
    out.add(t);
    return out;
  }

  private static void numbers(String[] l, int c, Sums s, boolean abbreviate) {
    l[c] = count(s.input, abbreviate);
    l[c + 1] = count(s.ccOutput(), abbreviate);
    l[c + 2] = count(s.cacheCreation(), abbreviate);
    l[c + 3] = count(s.cacheRead, abbreviate);
    l[c + 4] = count(s.total(), abbreviate);
    // a cost missing some unpriced records is a lower bound: marked like the model
    l[c + 5] = money(s.cost()) + (s.unpriced > 0 ? "*" : "");
  }

  private void footer(PrintWriter out) {
    List<String> notes = new ArrayList<>();
    if (!report.unpricedModels().isEmpty()) {
      notes.add("* no price for " + String.join(", ", report.unpricedModels())
          + " (" + report.totals().unpriced + " records): costs marked * leave them out (unknown, not $0);"
          + " add prices with --prices FILE");
    }
    ScanStats st = report.stats();
    if (st != null) {
      if (st.malformedLines() > 0 || st.invalidLines() > 0) {
        notes.add("skipped " + String.format(Locale.ROOT, "%,d", st.malformedLines()) + " malformed and "
            + String.format(Locale.ROOT, "%,d", st.invalidLines()) + " invalid usage lines");
      }
      if (st.fallbackModelRecords() > 0) {
        notes.add(String.format(Locale.ROOT, "%,d", st.fallbackModelRecords())
            + " Codex records name no model: priced as gpt-5 (marked in priceRef)");
      }
      notes.add(String.format(Locale.ROOT, "%,d records from %,d files (%,d read, %,d cached); %,d duplicates dropped",
          st.records(), st.files(), st.filesParsed() + st.filesAppended(), st.filesCached(), st.duplicatesDropped()));
    }
    for (String n : notes) out.println(style(DIM, n));
  }

  static String count(long v, boolean abbreviate) {
    if (!abbreviate || v < 100_000) return String.format(Locale.ROOT, "%,d", v);
    String[] units = {"K", "M", "B", "T"};
    double d = v;
    int u = -1;
    while (d >= 1000 && u < units.length - 1) {
      d /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, d >= 100 ? "%.0f%s" : "%.1f%s", d, units[u]);
  }

  static String money(BigDecimal v) {
    return "$" + String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_UP));
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static int[] widths(List<String[]> lines) {
    int[] w = new int[lines.get(0).length];
    for (String[] l : lines) {
      if (l == null) continue;
      for (int c = 0; c < l.length; c++) w[c] = Math.max(w[c], l[c] == null ? 0 : l[c].codePointCount(0, l[c].length()));
    }
    return w;
  }

  private static String pad(String s, int w, boolean right) {
    int n = w - s.codePointCount(0, s.length());
    if (n <= 0) return s;
    return right ? " ".repeat(n) + s : s + " ".repeat(n);
  }

  private static String stripEnd(String s) {
    int e = s.length();
    while (e > 0 && s.charAt(e - 1) == ' ') e--;
    return s.substring(0, e);
  }

  private String style(String code, String s) {
    return term.color() ? code + s + RESET : s;
  }
}
