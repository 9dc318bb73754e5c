package dev.ariadne.server.spanmetrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Prometheus's text exposition parsed back: each sample's name and labels (sorted), and its value. */
final class Exposition {
  private final Map<String, Double> samples = new HashMap<>();
  private final Map<String, String> types = new HashMap<>();

  Exposition(String text) {
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        types.put(parts[2], parts[3]);
      }
      if (line.isEmpty() || line.startsWith("#")) continue;
      int i = 0;
      while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') i++;
      String name = line.substring(0, i);
      Map<String, String> labels = new TreeMap<>();
      if (line.charAt(i) == '{') {
        i++;
        while (line.charAt(i) != '}') {
          int eq = line.indexOf('=', i);
          String key = line.substring(i, eq);
          StringBuilder value = new StringBuilder();
          int j = eq + 2;
          for (; line.charAt(j) != '"'; j++) {
            char c = line.charAt(j);
            if (c == '\\') {
              char next = line.charAt(++j);
              value.append(next == 'n' ? '\n' : next);
            } else {
              value.append(c);
            }
          }
          labels.put(key, value.toString());
          i = j + 1;
          if (line.charAt(i) == ',') i++;
        }
        i++;
      }
      String[] rest = line.substring(i).trim().split(" ");
      samples.put(key(name, labels), Double.parseDouble(rest[0]));
    }
  }

  /** The value of the sample {@code name} with exactly these labels ({@code k, v, k, v, …}); null when absent. */
  Double value(String name, String... labels) {
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) sorted.put(labels[i], labels[i + 1]);
    return samples.get(key(name, sorted));
  }

  String type(String family) {
    return types.get(family);
  }

  boolean has(String namePrefix) {
    return samples.keySet().stream().anyMatch(k -> k.startsWith(namePrefix));
  }

  private static String key(String name, Map<String, String> labels) {
    return name + labels;
  }
}
