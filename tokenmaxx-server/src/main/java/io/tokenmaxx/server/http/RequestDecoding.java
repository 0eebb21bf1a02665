package io.tokenmaxx.server.http;

import io.helidon.http.encoding.ContentDecoder;
import io.helidon.http.encoding.ContentEncoder;
import io.helidon.http.encoding.ContentEncoding;
import io.helidon.http.encoding.ContentEncodingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Request-body decoding for {@code Content-Encoding: gzip} and {@code deflate} (OTLP exporters and
 * {@code tokenmaxx push} compress). Responses are not compressed. {@link Bodies} enforces the size
 * limit on the decoded bytes.
 */
public final class RequestDecoding {
  private RequestDecoding() {}

  public static ContentEncodingContext context() {
    return ContentEncodingContext.builder()
        .contentEncodingsDiscoverServices(false)
        .addContentEncoding(new Decoding("gzip", Set.of("gzip", "x-gzip"), in -> {
          try {
            return new GZIPInputStream(in, 65536);
          } catch (IOException e) {
            throw new ApiError(io.helidon.http.Status.BAD_REQUEST_400, "Content-Encoding",
                "body is not valid gzip: " + e.getMessage());
          }
        }))
        .addContentEncoding(new Decoding("deflate", Set.of("deflate"), InflaterInputStream::new))
        // Known but unsupported encodings get a 415 naming them, not an anonymous 400.
        .addContentEncoding(new Decoding("unsupported", Set.of("br", "zstd", "compress", "snappy", "x-snappy-framed"),
            in -> {
              throw new ApiError(io.helidon.http.Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Encoding",
                  "unsupported Content-Encoding (use gzip, deflate or none)");
            }))
        .build();
  }

  private record Decoding(String name, Set<String> ids, ContentDecoder decoder) implements ContentEncoding {
    @Override public String type() { return name; }
    @Override public boolean supportsEncoding() { return false; }
    @Override public boolean supportsDecoding() { return true; }
    @Override public ContentEncoder encoder() { return ContentEncoder.NO_OP; }
  }
}
