package io.tokenmaxx.gateway.record;

import java.util.List;

/**
 * Where gateway records go (the ingest pipeline in the server, an HTTP client shipping to a server
 * in the standalone gateway). Called from one thread with batches; a throw means the batch was not
 * taken and will be offered again (so the sink must be idempotent on {@code usage.id}, as every
 * tokenmaxx consumer is).
 */
@FunctionalInterface
public interface RecordSink {
  void accept(List<GatewayRecord> batch) throws Exception;
}
