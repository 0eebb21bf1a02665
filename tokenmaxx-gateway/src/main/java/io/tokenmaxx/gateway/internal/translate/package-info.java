/**
 * Internal to the gateway (public only for its sibling packages, not an API): translation between
 * OpenAI chat completions and Anthropic Messages, requests, answers and streams.
 */
package io.tokenmaxx.gateway.internal.translate;
