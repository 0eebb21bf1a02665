package io.tokenmaxx.collect.local;

import java.util.Map;

/**
 * What a scan did and found.
 *
 * @param files             log files found
 * @param filesParsed       files read from the start
 * @param filesAppended     files of which only the appended bytes were read
 * @param filesCached       files taken from the scan cache unread
 * @param bytesRead         bytes read from log files
 * @param usageLines        lines that carried a usage marker and were parsed
 * @param malformedLines    lines that were not valid JSON (torn or cut off), skipped
 * @param invalidLines      valid lines whose usage broke the format's rules, skipped
 * @param oversizedLines    usage lines too long to parse (over 2 GiB), skipped
 * @param duplicatesDropped entries dropped as copies of another (streamed copies, replays, archives)
 * @param records           records produced
 * @param unpricedRecords   records whose model has no price in the catalog
 * @param fallbackModelRecords records whose model the log did not name (an assumed model priced them)
 * @param recordsByTool     records per tool
 */
public record ScanStats(
    int files,
    int filesParsed,
    int filesAppended,
    int filesCached,
    long bytesRead,
    long usageLines,
    long malformedLines,
    long invalidLines,
    long oversizedLines,
    long duplicatesDropped,
    long records,
    long unpricedRecords,
    long fallbackModelRecords,
    Map<String, Long> recordsByTool) {

  public ScanStats {
    recordsByTool = Map.copyOf(recordsByTool);
  }
}
