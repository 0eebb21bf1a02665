/** The normalized records every source is turned into: {@link io.tokenmaxx.model.UsageRecord} and {@link io.tokenmaxx.model.OutcomeRecord}. */
package io.tokenmaxx.model;
