package dev.ariadne.collector.config;

/** A receiver's typed configuration; the server starts the listeners it describes. */
public interface ReceiverConfig {}
