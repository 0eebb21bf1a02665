/**
 * What the metering gateway keeps in the store: budget consumption per window
 * ({@link io.tokenmaxx.metering.BudgetLedger}) and cascade outcomes
 * ({@link io.tokenmaxx.metering.CascadeStore}).
 */
package io.tokenmaxx.metering;
