package dev.ariadne.collector.config;

/** An extension's typed configuration (health check, zpages, pprof). */
public interface ExtensionConfig {}
