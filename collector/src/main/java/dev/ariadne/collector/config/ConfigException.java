package dev.ariadne.collector.config;

/**
 * A configuration the collector cannot run: the message names the path in the file
 * ({@code processors.batch.timout}) and, when the YAML parser knows it, the line.
 */
public final class ConfigException extends RuntimeException {
  private final String path;
  private final int line;

  public ConfigException(String path, int line, String problem) {
    super(describe(path, line, problem));
    this.path = path;
    this.line = line;
  }

  private static String describe(String path, int line, String problem) {
    String where = path.isEmpty() ? "" : path + ": ";
    return where + problem + (line > 0 ? " (line " + line + ")" : "");
  }

  /** The dotted path of the offending key, "" for the whole file. */
  public String path() {
    return path;
  }

  /** The 1-based line in the file, or 0 when unknown. */
  public int line() {
    return line;
  }
}
