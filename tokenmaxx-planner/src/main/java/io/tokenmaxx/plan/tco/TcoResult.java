package io.tokenmaxx.plan.tco;

import java.util.List;

/**
 * Owning versus renting versus the API.
 *
 * @param inputs      what was compared
 * @param now         costs per month at the current volume
 * @param breakeven   where owning and renting start to win
 * @param curve       costs per month across volumes (a chart series)
 * @param timeline    month by month with growth, cumulative (a chart series)
 * @param sensitivity the answer with the inputs that matter most changed one at a time
 * @param notes       plain-language summary and caveats
 */
public record TcoResult(
    TcoInputs inputs,
    MonthlyCosts now,
    Breakeven breakeven,
    List<MonthlyCosts> curve,
    List<MonthPoint> timeline,
    List<SensitivityRow> sensitivity,
    List<String> notes) {

  public TcoResult {
    curve = List.copyOf(curve);
    timeline = List.copyOf(timeline);
    sensitivity = List.copyOf(sensitivity);
    notes = List.copyOf(notes);
  }
}
