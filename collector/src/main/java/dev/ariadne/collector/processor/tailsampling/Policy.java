package dev.ariadne.collector.processor.tailsampling;

import java.util.function.Supplier;

/**
 * A configured policy. {@code evaluator} makes a fresh evaluator for each processor instance, so
 * rate-limiting state is not shared between pipelines.
 */
public record Policy(String name, String type, Supplier<PolicyEvaluator> evaluator) {}
