package dev.ariadne.query;

/** A query parameter whose value cannot be used; the message names the parameter and the problem. */
public final class BadParameterException extends Exception {
  private final String parameter;

  public BadParameterException(String parameter, String problem) {
    super("parameter '" + parameter + "': " + problem);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
