package io.tokenmaxx.server.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies under a size limit, answering 413 with the limit and the setting that sets
 * it. The web server has already undone {@code Content-Encoding: gzip/deflate}, so the limit
 * applies to the decoded bytes too (a small gzip body can expand to gigabytes).
 */
public final class Bodies {
  private Bodies() {}

  public static byte[] read(ServerRequest req, long maxBytes) throws IOException {
    long declared = req.headers().contentLength().orElse(-1);
    if (declared > maxBytes) throw tooLarge(declared, maxBytes);
    if (declared >= 0 && !req.headers().contains(io.helidon.http.HeaderNames.CONTENT_ENCODING)) {
      return readExactly(req.content().inputStream(), (int) declared);
    }
    return readAtMost(req.content().inputStream(), maxBytes);
  }

  /** A body of known length (not content-encoded) into one array of that size, without copies. */
  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    int n = 0;
    for (int r; n < length && (r = in.read(body, n, length - n)) > 0; ) n += r;
    if (n < length) {
      throw new ApiError(Status.BAD_REQUEST_400, "Content-Length", "body ended after " + n
          + " of the " + length + " bytes its Content-Length announced");
    }
    return body;
  }

  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[65536];
    long total = 0;
    for (int n; (n = readSome(in, buf)) > 0; ) {
      total += n;
      if (total > max) {
        in.transferTo(java.io.OutputStream.nullOutputStream()); // drain so the connection survives
        throw tooLarge(total, max);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static int readSome(InputStream in, byte[] buf) throws IOException {
    try {
      return in.read(buf);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new ApiError(Status.BAD_REQUEST_400, "Content-Encoding",
          "compressed body is corrupt or truncated: " + e.getMessage());
    }
  }

  private static ApiError tooLarge(long size, long max) {
    return new ApiError(Status.REQUEST_ENTITY_TOO_LARGE_413, null, "body of "
        + (size > max ? "more than " + max : size) + " bytes exceeds the limit of " + max
        + " bytes (setting ingest.max-body-bytes); split it into smaller batches");
  }
}
