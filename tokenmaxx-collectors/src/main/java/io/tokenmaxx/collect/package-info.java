/** Collect: every source is decoded here into {@link io.tokenmaxx.model.UsageRecord}s and {@link io.tokenmaxx.model.OutcomeRecord}s. */
package io.tokenmaxx.collect;
