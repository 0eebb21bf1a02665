package io.tokenmaxx.collect.otlp;

import java.util.Locale;

/** The two OTLP/HTTP encodings. Responses are written in the encoding of the request. */
public enum ContentType {
  PROTOBUF("application/x-protobuf"),
  JSON("application/json");

  private final String mediaType;

  ContentType(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type written in the {@code Content-Type} of responses. */
  public String mediaType() {
    return mediaType;
  }

  /**
   * The encoding named by a request's {@code Content-Type} header (parameters such as
   * {@code charset} are ignored).
   *
   * @throws OtlpDecodeException with status 415 when the header is missing or names neither
   */
  public static ContentType fromHeader(String header) throws OtlpDecodeException {
    if (header == null || header.isBlank()) {
      throw new OtlpDecodeException(415, "missing Content-Type: OTLP/HTTP takes "
          + PROTOBUF.mediaType + " or " + JSON.mediaType);
    }
    int semi = header.indexOf(';');
    String type = (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/x-protobuf", "application/protobuf" -> PROTOBUF;
      case "application/json" -> JSON;
      default -> throw new OtlpDecodeException(415, "unsupported Content-Type '" + header
          + "': OTLP/HTTP takes " + PROTOBUF.mediaType + " or " + JSON.mediaType);
    };
  }

  /**
   * Whether a request's {@code Content-Encoding} header means gzip; null, empty and
   * {@code identity} mean uncompressed.
   *
   * @throws OtlpDecodeException with status 415 for any other encoding
   */
  public static boolean gzipFromHeader(String contentEncoding) throws OtlpDecodeException {
    if (contentEncoding == null) return false;
    String e = contentEncoding.trim().toLowerCase(Locale.ROOT);
    return switch (e) {
      case "", "identity" -> false;
      case "gzip", "x-gzip" -> true;
      default -> throw new OtlpDecodeException(415, "unsupported Content-Encoding '"
          + contentEncoding + "': only gzip (or none) is accepted");
    };
  }
}
