package io.tokenmaxx.cli.plan;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell; columns marked numeric align right. */
final class Table {
  private final List<String> header;
  private final boolean[] right;
  private final List<List<String>> rows = new ArrayList<>();

  /** Headers; a header starting with '>' is a right-aligned (numeric) column. */
  Table(String... headers) {
    header = new ArrayList<>();
    right = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      right[i] = headers[i].startsWith(">");
      header.add(right[i] ? headers[i].substring(1) : headers[i]);
    }
  }

  Table row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) r.add(String.valueOf(c));
    rows.add(r);
    return this;
  }

  void print(PrintWriter out, String indent) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) w[i] = header.get(i).length();
    for (List<String> r : rows) {
      for (int i = 0; i < r.size() && i < w.length; i++) w[i] = Math.max(w[i], r.get(i).length());
    }
    line(out, indent, header, w);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < w.length; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
    out.println(indent + rule);
    for (List<String> r : rows) line(out, indent, r, w);
  }

  private void line(PrintWriter out, String indent, List<String> cells, int[] w) {
    StringBuilder b = new StringBuilder(indent);
    for (int i = 0; i < w.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      if (i > 0) b.append("  ");
      String pad = " ".repeat(w[i] - c.length());
      b.append(right[i] ? pad + c : c + (i == w.length - 1 ? "" : pad));
    }
    out.println(b.toString().stripTrailing());
  }
}
