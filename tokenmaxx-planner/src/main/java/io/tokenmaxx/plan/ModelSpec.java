package io.tokenmaxx.plan;

import java.util.List;

/**
 * A model's shape as published in its config.json: what the planner needs to size weights, KV
 * cache and the FLOPs of one token.
 *
 * @param name            name as published, e.g. {@code Llama-3.1-8B}
 * @param aliases         other names it is known by (matched case-insensitively)
 * @param totalParams     all parameters (every expert of a mixture-of-experts model)
 * @param activeParams    parameters used per token (equal to total for a dense model)
 * @param layers          transformer blocks
 * @param hiddenSize      model width
 * @param attentionHeads  query heads
 * @param kvHeads         key/value heads (grouped-query attention); 1 for a latent (MLA) cache
 * @param headDim         query/key head dimension
 * @param vHeadDim        value head dimension (equal to headDim except for MLA models)
 * @param vocabSize       vocabulary size
 * @param intermediateSize feed-forward width (per expert for a mixture-of-experts model)
 * @param tiedEmbeddings  whether the output projection shares the input embedding matrix
 * @param experts         routed experts per MoE layer (0 for a dense model)
 * @param expertsPerToken routed experts each token uses (0 for a dense model)
 * @param kvLoraRank      width of the compressed KV latent of multi-head latent attention (0 if none)
 * @param qkRopeHeadDim   rotary key part cached beside the MLA latent (0 if none)
 * @param maxContext      longest context the model supports, tokens
 * @param source          where these numbers come from
 */
public record ModelSpec(
    String name,
    List<String> aliases,
    long totalParams,
    long activeParams,
    int layers,
    int hiddenSize,
    int attentionHeads,
    int kvHeads,
    int headDim,
    int vHeadDim,
    int vocabSize,
    int intermediateSize,
    boolean tiedEmbeddings,
    int experts,
    int expertsPerToken,
    int kvLoraRank,
    int qkRopeHeadDim,
    int maxContext,
    String source) {

  public ModelSpec {
    Checks.notBlank(name, "model name");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    String at = "model " + name + ": ";
    Checks.positive(totalParams, at + "total_params");
    Checks.positive(activeParams, at + "active_params");
    if (activeParams > totalParams) {
      throw new IllegalArgumentException(at + "active_params (" + activeParams
          + ") exceeds total_params (" + totalParams + ")");
    }
    Checks.positive(layers, at + "layers");
    Checks.positive(hiddenSize, at + "hidden_size");
    Checks.positive(attentionHeads, at + "attention_heads");
    Checks.positive(kvHeads, at + "kv_heads");
    Checks.positive(headDim, at + "head_dim");
    if (vHeadDim <= 0) vHeadDim = headDim;
    Checks.positive(vocabSize, at + "vocab_size");
    Checks.positive(intermediateSize, at + "intermediate_size");
    if (experts < 0 || expertsPerToken < 0 || expertsPerToken > experts) {
      throw new IllegalArgumentException(at + "experts_per_token must be between 0 and experts");
    }
    if ((experts > 0) != (expertsPerToken > 0)) {
      throw new IllegalArgumentException(at + "set both experts and experts_per_token, or neither");
    }
    if (experts > 0 && experts == expertsPerToken) {
      throw new IllegalArgumentException(at + "experts must exceed experts_per_token");
    }
    if (experts == 0 && activeParams != totalParams) {
      throw new IllegalArgumentException(at + "a dense model (no experts) has active_params == total_params");
    }
    if (kvLoraRank < 0 || qkRopeHeadDim < 0) {
      throw new IllegalArgumentException(at + "kv_lora_rank and qk_rope_head_dim must be >= 0");
    }
    Checks.positive(maxContext, at + "max_context");
    if (embeddingMatrices() * embeddingParams() >= activeParams) {
      throw new IllegalArgumentException(at + "vocab_size x hidden_size exceeds active_params");
    }
    source = source == null ? "" : source;
  }

  /** Whether this is a mixture-of-experts model. */
  public boolean isMoe() {
    return experts > 0;
  }

  /** Whether the KV cache holds a compressed latent (multi-head latent attention) rather than K and V. */
  public boolean hasLatentKv() {
    return kvLoraRank > 0;
  }

  /** Parameters of one vocabulary-by-hidden matrix (the input embedding, or the output head). */
  public long embeddingParams() {
    return (long) vocabSize * hiddenSize;
  }

  /** Stored vocabulary matrices: 1 when input embedding and output head are tied, else 2. */
  public int embeddingMatrices() {
    return tiedEmbeddings ? 1 : 2;
  }

  /** Parameters outside the vocabulary matrices (attention, feed-forward, norms), all experts. */
  public long bodyParams() {
    return totalParams - embeddingMatrices() * embeddingParams();
  }

  /** Parameters outside the vocabulary matrices that one token uses. */
  public long activeBodyParams() {
    return activeParams - embeddingMatrices() * embeddingParams();
  }

  /**
   * Parameters of one routed expert summed over all MoE layers: total = shared + E x p and
   * active = shared + k x p, so p = (total - active) / (E - k). Zero for a dense model.
   */
  public double paramsPerExpert() {
    return isMoe() ? (double) (totalParams - activeParams) / (experts - expertsPerToken) : 0;
  }

  /** Body parameters every token reads whatever the routing: attention, shared experts, dense layers. */
  public double sharedBodyParams() {
    return bodyParams() - experts * paramsPerExpert();
  }

  /**
   * Elements one token adds to the KV cache of one layer on one GPU of a tensor-parallel group:
   * K and V for each KV head held by this GPU (heads are split across the group, and replicated
   * when the group is wider than the head count), or the latent plus its rotary key for MLA,
   * which every GPU holds whole.
   */
  public double kvElementsPerTokenPerLayer(int tensorParallel) {
    if (hasLatentKv()) return kvLoraRank + qkRopeHeadDim;
    int headsPerGpu = (kvHeads + tensorParallel - 1) / tensorParallel;
    return 2.0 * headsPerGpu * headDim;
  }

  /**
   * FLOPs one query token spends per cached context token in one layer, whole model: a dot product
   * with each key (2 x headDim) and a weighted sum of values (2 x vHeadDim), for every query head.
   */
  public double attentionFlopsPerContextToken() {
    return 2.0 * attentionHeads * (headDim + vHeadDim);
  }
}
