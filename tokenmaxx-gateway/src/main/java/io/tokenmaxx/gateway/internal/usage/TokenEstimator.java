package io.tokenmaxx.gateway.internal.usage;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;

/**
 * Counts tokens of text when an answer reports no usage (some OpenAI-compatible servers, streams
 * cut off before their usage event). Models of the GPT-4o / o-series / GPT-5 generation use
 * o200k_base; everything else (older GPT models, Claude, open models) is approximated with
 * cl100k_base — close for English and code, and always marked estimated. jtokkit's own
 * model lookup is stale, so the table is ours.
 */
public final class TokenEstimator {
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private TokenEstimator() {}

  static Encoding encodingFor(String model) {
    String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
    int slash = m.lastIndexOf('/');
    if (slash >= 0) m = m.substring(slash + 1);
    boolean o200k = m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-5")
        || m.startsWith("o1") || m.startsWith("o3") || m.startsWith("o4") || m.startsWith("chatgpt-4o")
        || m.startsWith("gpt-oss") || m.startsWith("codex");
    return REGISTRY.getEncoding(o200k ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE);
  }

  public static long count(String model, CharSequence text) {
    if (text == null || text.isEmpty()) return 0;
    return encodingFor(model).countTokensOrdinary(text.toString());
  }
}
