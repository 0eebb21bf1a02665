/**
 * The analytics SPI storage backends implement: a handful of aggregate queries (sums by group,
 * per-person statistics and ranks, first use, depth cohorts, retention, sessions, outcomes, spend
 * shares, unattributed identities) that {@link io.tokenmaxx.analyze.AnalyticsService} composes into
 * pages and applies privacy rules to. The SQL backends answer from rollup tables; {@link
 * io.tokenmaxx.analyze.store.ReferenceAnalyticsStore} answers from plain lists and is what the SQL
 * is tested against, query by query and page by page.
 */
package io.tokenmaxx.analyze.store;
