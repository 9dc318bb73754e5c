package dev.ariadne.tracegen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query parameter values, percent-encoded. */
final class Urls {
  private Urls() {}

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
