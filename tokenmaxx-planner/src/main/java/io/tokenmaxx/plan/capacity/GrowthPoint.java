package io.tokenmaxx.plan.capacity;

/** GPUs needed {@code month} months from now, at the demand's growth rate. */
public record GrowthPoint(int month, double demandFactor, int replicas, int gpus) {}
