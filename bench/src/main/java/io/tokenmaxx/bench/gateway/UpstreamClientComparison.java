package io.tokenmaxx.bench.gateway;

import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.tokenmaxx.gateway.standin.OpenAiStandIn;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.InputStreamResponseListener;

/**
 * How the gateway's upstream client was chosen: java.net.http (HTTP/1.1), Helidon WebClient and
 * Jetty HttpClient each send the same chat-completions request to the OpenAI stand-in, one at a
 * time (latency p50/p99), from 32 virtual threads (requests/s), and as a stream (time to the first
 * event). Run: {@code bench/gateway/clients.sh}.
 */
public final class UpstreamClientComparison {
  interface Client {
    /** Sends the request; returns the body's length (reads it all) or, for streams, time to first byte. */
    long call(boolean stream) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    try (OpenAiStandIn standIn = new OpenAiStandIn()) {
      standIn.keepRequests(false).start();
      String url = standIn.baseUrl() + "/chat/completions";
      byte[] body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}"
          .getBytes(StandardCharsets.UTF_8);
      byte[] streamBody = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}"
          .getBytes(StandardCharsets.UTF_8);

      HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Client jdkClient = stream -> {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(stream ? streamBody : body)).build();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> res = jdk.send(r, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = res.body()) {
          return drain(in, stream, t0);
        }
      };

      WebClient helidon = WebClient.builder().baseUri(url).build();
      Client helidonClient = stream -> {
        long t0 = System.nanoTime();
        try (HttpClientResponse res = helidon.post().header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json")
            .submit(stream ? streamBody : body)) {
          return drain(res.inputStream(), stream, t0);
        }
      };

      org.eclipse.jetty.client.HttpClient jetty = new org.eclipse.jetty.client.HttpClient();
      jetty.setMaxConnectionsPerDestination(256);
      jetty.start();
      Client jettyClient = stream -> {
        InputStreamResponseListener l = new InputStreamResponseListener();
        long t0 = System.nanoTime();
        jetty.POST(url).body(new BytesRequestContent("application/json", stream ? streamBody : body)).send(l);
        l.get(30, java.util.concurrent.TimeUnit.SECONDS);
        try (InputStream in = l.getInputStream()) {
          return drain(in, stream, t0);
        }
      };

      List<String> rows = new ArrayList<>();
      rows.add("| client | p50 µs | p99 µs | requests/s (32 threads) | stream first event p50 µs |");
      rows.add("|---|---:|---:|---:|---:|");
      Object[][] clients = {{"java.net.http (HTTP/1.1)", jdkClient}, {"Helidon WebClient 4.5", helidonClient},
          {"Jetty HttpClient 12.1", jettyClient}};
      for (int round = 0; round < 2; round++) {
        for (Object[] c : clients) {
          Client client = (Client) c[1];
          for (int i = 0; i < n / 4; i++) client.call(false);
          long[] lat = new long[n];
          for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            client.call(false);
            lat[i] = System.nanoTime() - t0;
          }
          Arrays.sort(lat);
          double rps = throughput(client, 32, 4_000);
          long[] ttfb = new long[n / 10];
          for (int i = 0; i < ttfb.length; i++) ttfb[i] = client.call(true);
          Arrays.sort(ttfb);
          if (round == 1) {
            rows.add(String.format("| %s | %.1f | %.1f | %.0f | %.1f |", c[0], lat[n / 2] / 1e3,
                lat[(int) (n * 0.99)] / 1e3, rps, ttfb[ttfb.length / 2] / 1e3));
          }
        }
      }
      rows.forEach(System.out::println);
      jetty.stop();
    }
    System.exit(0);
  }

  static double throughput(Client client, int threads, long millis) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < threads; t++) {
        exec.submit(() -> {
          while (!stop.get()) {
            try {
              client.call(false);
              done.incrementAndGet();
            } catch (Exception e) {
              throw new RuntimeException(e);
            }
          }
          return null;
        });
      }
      Thread.sleep(500);
      long start = done.get();
      long t0 = System.nanoTime();
      Thread.sleep(millis);
      long count = done.get() - start;
      double secs = (System.nanoTime() - t0) / 1e9;
      stop.set(true);
      return count / secs;
    }
  }

  static long drain(InputStream in, boolean stream, long t0) throws Exception {
    byte[] buf = new byte[8192];
    long first = -1;
    long total = 0;
    int r;
    while ((r = in.read(buf)) > 0) {
      if (first < 0) first = System.nanoTime() - t0;
      total += r;
    }
    return stream ? first : total;
  }
}
