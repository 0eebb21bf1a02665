/**
 * The capacity planner: what it takes to serve a token demand on one's own GPUs.
 *
 * <p>Everything here is a pure function of immutable inputs: {@link io.tokenmaxx.plan.Planner}
 * holds only its {@link io.tokenmaxx.plan.EngineProfile} and may be shared across threads and
 * called per request. The model is explained in the module's README.md; the global efficiency
 * constants are argued in RATIONALE.md.
 */
package io.tokenmaxx.plan;
