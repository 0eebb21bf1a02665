package io.tokenmaxx.agents;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One model request a stand-in answered: the manifest entry a capture keeps beside the agent's logs
 * and exports.
 *
 * @param seq        order of arrival across the capture's stand-ins (1, 2, ...)
 * @param run        which agent run of the scenario sent it (1, 2, ...)
 * @param provider   {@code anthropic}, {@code openai} or {@code google}
 * @param path       request path and query as received
 * @param model      the model the request asked for
 * @param stream     whether it was answered as server-sent events
 * @param responseId the id the answer carried (message, response or completion id)
 * @param usage      what it was billed, disjoint
 * @param wireUsage  the usage object exactly as the answer carried it
 * @param answeredAt when the answer was complete (ISO-8601)
 */
public record ServedRequest(int seq, int run, String provider, String path, String model,
    boolean stream, String responseId, ServedUsage usage, JsonNode wireUsage, String answeredAt) {}
