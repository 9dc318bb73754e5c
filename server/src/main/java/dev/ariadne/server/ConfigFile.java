package dev.ariadne.server;

import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ConfigException;
import dev.ariadne.collector.config.ConfigLoader;
import dev.ariadne.collector.pipeline.BuiltInComponents;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads {@code --config FILE}; a file that cannot be run is an {@link Invalid} naming the file and the problem. */
final class ConfigFile {
  /** The file cannot be read or run: the message names it, the path in it and the line. */
  static final class Invalid extends Exception {
    Invalid(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private ConfigFile() {}

  static CollectorConfig load(Path file) throws Invalid {
    try {
      return new ConfigLoader(BuiltInComponents.all(), System::getenv).load(file);
    } catch (ConfigException e) {
      throw new Invalid(file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new Invalid("cannot read " + file + ": " + e.getCause().getMessage(), e);
    }
  }
}
