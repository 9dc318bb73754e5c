package dev.ariadne.collector.config;

/** An exporter's typed configuration; the server turns it into the consumer a pipeline ends in. */
public interface ExporterConfig {}
