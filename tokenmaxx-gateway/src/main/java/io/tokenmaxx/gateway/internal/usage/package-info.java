/**
 * Internal to the gateway (public only for its sibling packages, not an API): provider usage objects into disjoint token counts, and the tokenizer for answers without usage.
 */
package io.tokenmaxx.gateway.internal.usage;
