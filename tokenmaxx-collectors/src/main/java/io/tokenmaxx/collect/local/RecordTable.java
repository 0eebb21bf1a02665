package io.tokenmaxx.collect.local;

import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link UsageTable} from records that did not come from a scan (e.g. a server's export),
 * so reports run the same aggregation over them as over local logs.
 */
public final class RecordTable {
  private static final BigDecimal PICOS = BigDecimal.ONE.movePointRight(12);

  private RecordTable() {}

  public static UsageTable of(List<UsageRecord> records) {
    int n = records.size();
    Map<String, Integer> ids = new HashMap<>();
    java.util.ArrayList<String> strings = new java.util.ArrayList<>();
    long[] ts = new long[n], in = new long[n], out = new long[n], cr = new long[n], cw5 = new long[n],
        cw1 = new long[n], re = new long[n], picos = new long[n];
    int[] tool = new int[n], model = new int[n], session = new int[n], project = new int[n],
        priceRef = new int[n], flags = new int[n], file = new int[n], row = new int[n];
    BigDecimal[] exact = new BigDecimal[n], reported = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      UsageRecord r = records.get(i);
      ts[i] = r.timestamp().toEpochMilli();
      in[i] = r.inputTokens();
      out[i] = r.outputTokens();
      cr[i] = r.cacheReadTokens();
      cw5[i] = r.cacheWrite5mTokens();
      cw1[i] = r.cacheWrite1hTokens();
      re[i] = r.reasoningTokens();
      tool[i] = intern(r.tool(), ids, strings);
      model[i] = intern(r.model(), ids, strings);
      session[i] = intern(r.sessionId(), ids, strings);
      project[i] = intern(r.project(), ids, strings);
      priceRef[i] = intern(r.priceRef(), ids, strings);
      flags[i] = UsageRecord.STATUS_ERROR.equals(r.status()) ? EntryTable.API_ERROR : 0;
      reported[i] = r.reportedCost();
      BigDecimal c = r.computedCost();
      if (c == null) {
        picos[i] = UsageTable.UNPRICED;
      } else {
        BigDecimal p = c.multiply(PICOS);
        if (p.stripTrailingZeros().scale() <= 0 && p.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) < 0) {
          picos[i] = p.longValueExact();
        } else {
          picos[i] = UsageTable.NOT_PICOS;
          exact[i] = c;
        }
      }
      file[i] = -1;
      row[i] = i;
    }
    return new UsageTable(strings.toArray(new String[0]), n, ts, in, out, cr, cw5, cw1, re, picos,
        tool, model, session, project, priceRef, flags, exact, reported, List.of(), file, row, null,
        List.copyOf(records));
  }

  private static int intern(String s, Map<String, Integer> ids, List<String> strings) {
    if (s == null) return -1;
    return ids.computeIfAbsent(s, k -> {
      strings.add(k);
      return strings.size() - 1;
    });
  }
}
