package dev.ariadne.collector.config;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Expands environment variables in a scalar value the way the Collector's confmap does, before the value
 * is typed: {@code ${env:VAR}}, {@code ${VAR}}, {@code ${env:VAR:-default}}, and {@code $$} for a literal
 * {@code $}. An unset variable without a default expands to "" (with a warning), as in the Collector. A
 * {@code $} followed by anything else stays as written; other providers ({@code ${file:…}}, {@code ${http:…}})
 * are refused. Results are not expanded again.
 */
public final class EnvExpander {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final UnaryOperator<String> environment;

  /** @param environment looks a variable up, null when unset; {@code System::getenv} in production */
  public EnvExpander(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  /**
   * The expanded value.
   *
   * @param onProblem receives a warning for each unset variable
   * @throws IllegalArgumentException for a malformed or unsupported reference
   */
  public String expand(String value, Consumer<String> onProblem) {
    if (value.indexOf('$') < 0) return value;
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
      if (c == '$' && next == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && next == '{') {
        int close = value.indexOf('}', i + 2);
        if (close < 0) throw new IllegalArgumentException("unclosed \"${\" in \"" + value + "\"");
        out.append(resolve(value.substring(i + 2, close), onProblem));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String resolve(String reference, Consumer<String> onProblem) {
    String body = reference;
    if (reference.startsWith("env:")) {
      body = reference.substring(4);
    } else if (!NAME.matcher(reference).matches()) {
      int colon = reference.indexOf(':');
      String scheme = colon < 0 ? reference : reference.substring(0, colon);
      throw new IllegalArgumentException("\"${" + reference + "}\": the \"" + scheme
          + "\" config provider is not supported (only env)");
    }
    String fallback = null;
    int defaultAt = body.indexOf(":-");
    if (defaultAt >= 0) {
      fallback = body.substring(defaultAt + 2);
      body = body.substring(0, defaultAt);
    }
    if (!NAME.matcher(body).matches()) {
      throw new IllegalArgumentException("\"${" + reference + "}\": invalid environment variable name");
    }
    String value = environment.apply(body);
    if (value != null) return value;
    if (fallback != null) return fallback;
    onProblem.accept("environment variable " + body + " is not set; it expands to \"\"");
    return "";
  }
}
