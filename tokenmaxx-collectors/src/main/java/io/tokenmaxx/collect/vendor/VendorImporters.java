package io.tokenmaxx.collect.vendor;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.SplittableRandom;

/** Builds the importer of a configured source. */
public final class VendorImporters {
  private VendorImporters() {}

  /** The importer for {@code config}, on a shared HTTP client, sleeping for real between retries. */
  public static VendorImporter create(ImporterConfig config, HttpClient client, Clock clock) {
    return create(config, client, clock, Sleeper.SYSTEM);
  }

  public static VendorImporter create(ImporterConfig config, HttpClient client, Clock clock, Sleeper sleeper) {
    VendorHttp http = new VendorHttp(client, config.vendor().id(), config.adminKey(), VendorHttp.RetryPolicy.DEFAULT,
        sleeper, clock, new SplittableRandom());
    return switch (config.vendor()) {
      case ANTHROPIC -> new AnthropicImporter(config, http);
      case OPENAI -> new OpenAiImporter(config, http);
      case CURSOR -> new CursorImporter(config, http);
      case GITHUB_COPILOT -> new CopilotImporter(config, http);
    };
  }

  /** An HTTP client for importers: HTTP/1.1, 20 s to connect, redirects followed. */
  public static HttpClient httpClient() {
    return VendorHttp.defaultClient();
  }
}
