package io.tokenmaxx.bench.gateway;

import io.tokenmaxx.gateway.standin.OpenAiStandIn;

/**
 * The OpenAI stand-in as its own process for the gateway benchmark: model {@code bench} answers at
 * once (a short chat answer, streamed in 4 chunks when asked), model {@code slow-stream} streams
 * {@code CHUNKS} chunks {@code GAP_MS} apart (streams held open).
 */
public final class StandInMain {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long gap = Long.parseLong(System.getProperty("gap.ms", "500"));
    int words = Integer.parseInt(System.getProperty("chunks", "10"));
    String slowText = "word ".repeat(words * 8 / 5).substring(0, words * 8);
    OpenAiStandIn.Chat slow = new OpenAiStandIn.Chat(slowText, OpenAiStandIn.Usage.DEFAULT).slow(gap);
    OpenAiStandIn.Chat fast = new OpenAiStandIn.Chat("Hello from the stand-in. Bench.", OpenAiStandIn.Usage.DEFAULT);
    OpenAiStandIn s = new OpenAiStandIn();
    s.keepRequests(false).defaults(model -> model.equals("slow-stream") ? slow : fast).start(port);
    System.out.println("stand-in listening on " + s.port());
    Thread.currentThread().join();
  }
}
