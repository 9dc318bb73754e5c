package dev.ariadne.codec.jaeger;

import dev.ariadne.model.Attributes;

/**
 * The service that sent spans, as Jaeger's wire formats carry it.
 *
 * @param tags in wire order, duplicates kept; values are String, Boolean, Long, Double or Bytes
 */
public record JaegerProcess(String serviceName, Attributes tags) {}
