/**
 * What each analytics page shows, as plain records: the JSON of the REST API and the model of the
 * dashboard pages. Conventions:
 *
 * <ul>
 *   <li>A row with {@code suppressed = true} is an aggregate over fewer people than the viewer's
 *       k (or whose complement is): its numbers are null (absent in JSON), never the real value.
 *   <li>Money is {@link java.math.BigDecimal} USD, the effective cost (computed from the price
 *       catalog, else reported by the source); records with neither are counted in
 *       {@code unpricedRecords}, never treated as free.
 *   <li>Shares and rates are fractions (0.25 = 25 %); changes are relative ({@code (cur - prev) /
 *       prev}, null when the previous value is 0).
 *   <li>Days are local dates in the query's zone; weeks are named by their first day.
 * </ul>
 */
package io.tokenmaxx.analyze.page;
