package io.tokenmaxx.collect.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Turns request bytes into an OTLP request message: gunzip (bounded), then protobuf or JSON. */
final class Bodies {
  private Bodies() {}

  /** A decoded request and the per-item errors found while reading it (JSON only). */
  record Decoded<T extends Message>(T request, ItemErrors itemErrors) {}

  static byte[] inflate(byte[] body, boolean gzip, long maxBytes) throws OtlpDecodeException {
    if (!gzip) {
      if (body.length > maxBytes) throw tooLarge(body.length, maxBytes);
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 8192)) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
      if (out.length > maxBytes) {
        throw new OtlpDecodeException(413, "gzip body inflates to more than " + maxBytes
            + " bytes (limit " + maxBytes + ")");
      }
      return out;
    } catch (ZipException | java.io.EOFException e) {
      throw new OtlpDecodeException(400, "body is not valid gzip (Content-Encoding: gzip): "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new OtlpDecodeException(400, "body could not be inflated: " + e.getMessage(), e);
    }
  }

  private static OtlpDecodeException tooLarge(long size, long max) {
    return new OtlpDecodeException(413, "body of " + size + " bytes exceeds the limit of " + max
        + " bytes");
  }

  static Decoded<ExportMetricsServiceRequest> metrics(byte[] bytes, ContentType type)
      throws OtlpDecodeException {
    if (type == ContentType.JSON) {
      var b = ExportMetricsServiceRequest.newBuilder();
      ItemErrors errors = OtlpJsonReader.read(bytes, b);
      return new Decoded<>(b.build(), errors);
    }
    try {
      return new Decoded<>(ExportMetricsServiceRequest.parseFrom(bytes), ItemErrors.NONE);
    } catch (InvalidProtocolBufferException e) {
      throw invalidProtobuf(Signal.METRICS, e);
    }
  }

  static Decoded<ExportLogsServiceRequest> logs(byte[] bytes, ContentType type)
      throws OtlpDecodeException {
    if (type == ContentType.JSON) {
      var b = ExportLogsServiceRequest.newBuilder();
      ItemErrors errors = OtlpJsonReader.read(bytes, b);
      return new Decoded<>(b.build(), errors);
    }
    try {
      return new Decoded<>(ExportLogsServiceRequest.parseFrom(bytes), ItemErrors.NONE);
    } catch (InvalidProtocolBufferException e) {
      throw invalidProtobuf(Signal.LOGS, e);
    }
  }

  static Decoded<ExportTraceServiceRequest> traces(byte[] bytes, ContentType type)
      throws OtlpDecodeException {
    if (type == ContentType.JSON) {
      var b = ExportTraceServiceRequest.newBuilder();
      ItemErrors errors = OtlpJsonReader.read(bytes, b);
      return new Decoded<>(b.build(), errors);
    }
    try {
      return new Decoded<>(ExportTraceServiceRequest.parseFrom(bytes), ItemErrors.NONE);
    } catch (InvalidProtocolBufferException e) {
      throw invalidProtobuf(Signal.TRACES, e);
    }
  }

  static OtlpDecodeException invalidProtobuf(Signal signal,
      InvalidProtocolBufferException e) {
    String kind = switch (signal) {
      case METRICS -> "ExportMetricsServiceRequest";
      case LOGS -> "ExportLogsServiceRequest";
      case TRACES -> "ExportTraceServiceRequest";
    };
    return new OtlpDecodeException(400, "body is not a valid protobuf " + kind + ": "
        + e.getMessage(), e);
  }
}
