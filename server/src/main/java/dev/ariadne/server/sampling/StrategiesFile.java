package dev.ariadne.server.sampling;

import io.jaegertracing.api_v2.Sampling.SamplingStrategyResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strategies file, read at start (a bad file stops start-up with the parser's message) and again on
 * each {@link #reload()}: a changed file that parses replaces the strategies; one that does not is
 * logged and the last good strategies stay, as Jaeger does.
 */
public final class StrategiesFile implements StrategyProvider {
  private static final Logger log = LoggerFactory.getLogger(StrategiesFile.class);

  private final Path path;
  private final StrategiesParser parser;
  private volatile Strategies strategies;
  private byte[] lastRead;

  public StrategiesFile(Path path, StrategiesParser parser) {
    this.path = path;
    this.parser = parser;
    this.lastRead = read();
    try {
      this.strategies = parser.parse(lastRead);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sampling strategies " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads the file again; returns whether the strategies changed. */
  public synchronized boolean reload() {
    byte[] content;
    try {
      content = read();
    } catch (UncheckedIOException e) {
      log.warn("sampling strategies {}: cannot read, keeping the last ones: {}", path, e.getCause().getMessage());
      return false;
    }
    if (Arrays.equals(content, lastRead)) return false;
    lastRead = content;
    try {
      strategies = parser.parse(content);
      log.info("sampling strategies {}: reloaded", path);
      return true;
    } catch (IllegalArgumentException e) {
      log.warn("sampling strategies {}: keeping the last good ones: {}", path, e.getMessage());
      return false;
    }
  }

  @Override
  public SamplingStrategyResponse strategyFor(String service) {
    return strategies.strategyFor(service);
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("sampling strategies " + path + ": " + e.getMessage(), e);
    }
  }
}
