package io.tokenmaxx.collect.vendor;

import java.time.LocalDate;

/**
 * What one pull of one source did.
 *
 * @param source  the source's name
 * @param from    first day pulled (null when none was due)
 * @param through last day pulled in full (null when none was)
 * @param records records stored
 * @param error   the vendor's error when the pull failed, else null
 */
public record RunResult(String source, LocalDate from, LocalDate through, long records, String error) {
  public boolean ok() {
    return error == null;
  }
}
