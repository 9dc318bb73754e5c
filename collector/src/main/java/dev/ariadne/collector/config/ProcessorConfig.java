package dev.ariadne.collector.config;

import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;

/** A processor's typed configuration, which builds one instance of the processor per pipeline. */
public interface ProcessorConfig {

  Processor create(TracesConsumer next, ProcessorContext context);
}
