package io.tokenmaxx.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads request bodies under a size limit, both as sent and after gzip decompression (a small
 * gzip body can expand to gigabytes), answering 413 with the limit and the setting that sets it.
 */
public final class Bodies {
  private Bodies() {}

  public static byte[] read(ServerRequest req, long maxBytes) throws IOException {
    long declared = req.headers().contentLength().orElse(-1);
    if (declared > maxBytes) throw tooLarge(declared, maxBytes);
    String encoding = req.headers().first(HeaderNames.CONTENT_ENCODING).orElse("identity")
        .trim().toLowerCase(Locale.ROOT);
    InputStream in = req.content().inputStream();
    byte[] raw = readAtMost(in, maxBytes);
    return switch (encoding) {
      case "identity", "" -> raw;
      case "gzip", "x-gzip" -> {
        try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
          yield readAtMost(gz, maxBytes);
        } catch (ZipException | java.io.EOFException e) {
          throw new ApiError(Status.BAD_REQUEST_400, "Content-Encoding",
              "body is not valid gzip: " + e.getMessage());
        }
      }
      default -> throw new ApiError(Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Encoding",
          "unsupported Content-Encoding '" + encoding + "' (use gzip or none)");
    };
  }

  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[65536];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > max) {
        in.transferTo(java.io.OutputStream.nullOutputStream()); // drain so the connection survives
        throw tooLarge(total, max);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static ApiError tooLarge(long size, long max) {
    return new ApiError(Status.REQUEST_ENTITY_TOO_LARGE_413, null, "body of "
        + (size > max ? "more than " + max : size) + " bytes exceeds the limit of " + max
        + " bytes (setting ingest.max-body-bytes); split it into smaller batches");
  }
}
