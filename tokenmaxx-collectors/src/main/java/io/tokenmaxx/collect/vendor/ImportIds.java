package io.tokenmaxx.collect.vendor;

import io.tokenmaxx.importer.AggregateStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Record ids of imports: {@code import:<stream>:<yyyy-mm-dd>:<32 hex>}, the hex a SHA-256 of what
 * identifies the record in the vendor's report (its day and grouping keys — never its numbers,
 * so a revised bucket keeps its id and replaces the earlier value). The stream and day lead so a
 * store can find one stream's day by prefix.
 */
final class ImportIds {
  private static final MessageDigest PROTOTYPE;

  static {
    try {
      PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private ImportIds() {}

  static String prefix(String stream, LocalDate day) {
    return AggregateStream.ID_PREFIX + stream + ":" + day + ":";
  }

  static String of(String stream, LocalDate day, Object... parts) {
    MessageDigest d;
    try {
      d = (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    for (Object p : parts) {
      byte[] b = String.valueOf(p).getBytes(StandardCharsets.UTF_8);
      d.update((byte) (b.length >>> 24));
      d.update((byte) (b.length >>> 16));
      d.update((byte) (b.length >>> 8));
      d.update((byte) b.length);
      d.update(b);
    }
    return prefix(stream, day) + HexFormat.of().formatHex(d.digest(), 0, 16);
  }
}
