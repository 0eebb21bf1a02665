package io.tokenmaxx.cli.gateway;

import io.tokenmaxx.cli.remote.ServerClient;
import io.tokenmaxx.gateway.record.GatewayRecord;
import io.tokenmaxx.gateway.record.GatewayRecordJson;
import io.tokenmaxx.gateway.record.RecordSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A standalone gateway's records to its server ({@code POST /api/v1/gateway/records}, NDJSON). A
 * transient failure (the server unreachable, 429, 5xx, a token problem someone can fix) throws, so
 * the shipper offers the batch again (and spills while it waits); records the server refuses for
 * what they contain are logged and dropped, since sending them again would not change the answer.
 */
final class ServerSink implements RecordSink {
  private static final System.Logger LOG = System.getLogger(ServerSink.class.getName());
  private final ServerClient server;

  ServerSink(ServerClient server) {
    this.server = server;
  }

  @Override
  public void accept(List<GatewayRecord> batch) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 1024);
    for (GatewayRecord r : batch) {
      body.write(GatewayRecordJson.write(r));
      body.write('\n');
    }
    HttpResponse<byte[]> r = server.send("POST", "/api/v1/gateway/records", "application/x-ndjson", body.toByteArray());
    if (r.statusCode() == 200) {
      String answer = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
      if (!answer.contains("\"refused\":[]")) LOG.log(System.Logger.Level.WARNING, "the server refused some records: " + answer);
      return;
    }
    if (r.statusCode() == 400) {
      LOG.log(System.Logger.Level.WARNING, "the server refused " + batch.size() + " records: " + ServerClient.describe(r));
      return;
    }
    throw new IOException(ServerClient.describe(r));
  }
}
