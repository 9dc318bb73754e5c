package dev.ariadne.collector.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.ariadne.query.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of the YAML tree with its path, read through typed accessors. Every key a component asks
 * for, present or not, becomes known; {@link #rejectUnknownKeys()} then reports any key in the file no
 * accessor asked for, with the nearest known key as a suggestion. Scalars are expanded by the
 * {@link EnvExpander} before they are typed, so {@code limit_mib: ${env:LIMIT}} reads as an integer.
 * An absent key and a key with a null value ({@code batch:}) both mean "use the defaults".
 */
public final class ConfigNode {
  private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("[-+]?[0-9][0-9_]*");
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");
  private final String path;
  private final Node node;
  private final Node keyNode;
  private final Context context;
  private final Map<String, NodeTuple> entries;
  private final Set<String> known = new LinkedHashSet<>();
  private final Map<String, ConfigNode> childByKey = new LinkedHashMap<>();
  private final List<ConfigNode> items = new ArrayList<>();
  private String expanded;

  /** What all nodes of one file share: the expander and the warnings collected while reading. */
  record Context(EnvExpander env, List<String> warnings) {}

  private ConfigNode(String path, Node node, Node keyNode, Context context) {
    this.path = path;
    this.node = node == null || node.getTag().equals(Tag.NULL) ? null : node;
    this.keyNode = keyNode;
    this.context = context;
    this.entries = this.node instanceof MappingNode mapping ? index(mapping) : Map.of();
  }

  static ConfigNode root(Node node, Context context) {
    return new ConfigNode("", node, null, context);
  }

  private Map<String, NodeTuple> index(MappingNode mapping) {
    Map<String, NodeTuple> index = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new ConfigException(path, line(tuple.getKeyNode()), "keys must be plain strings");
      }
      if (index.put(key.getValue(), tuple) != null) {
        throw new ConfigException(childPath(key.getValue()), line(key), "key defined twice");
      }
    }
    return index;
  }

  /** Whether a value is written here (not absent, not null). */
  public boolean isPresent() {
    return node != null;
  }

  /** An error at this node (at its key's line), for checks the accessors cannot make. */
  public ConfigException error(String problem) {
    return new ConfigException(path, line(keyNode != null ? keyNode : node), problem);
  }

  /** Records a warning that the loaded configuration reports. */
  public void warn(String message) {
    context.warnings().add(path.isEmpty() ? message : path + ": " + message);
  }

  /** The keys written in this mapping, in file order; for sections whose keys the user names. */
  public List<String> keys() {
    requireMapping();
    known.addAll(entries.keySet());
    return List.copyOf(entries.keySet());
  }

  /** The value under {@code key}, possibly absent; asking twice gives the same node, so reads add up. */
  public ConfigNode child(String key) {
    requireMapping();
    known.add(key);
    return childByKey.computeIfAbsent(key, k -> {
      NodeTuple tuple = entries.get(k);
      return tuple == null
          ? new ConfigNode(childPath(k), null, keyNode, context) // an absent key is reported at its parent's key
          : new ConfigNode(childPath(k), tuple.getValueNode(), tuple.getKeyNode(), context);
    });
  }

  /**
   * Whether {@code key} is written here, even with a null value ({@code grpc:} enables a protocol).
   * Unlike the accessors it does not make the key known: read it with {@link #child} if it is.
   */
  public boolean contains(String key) {
    return entries.containsKey(key);
  }

  /** Whether {@code key} is written here with a non-null value. */
  public boolean has(String key) {
    requireMapping();
    known.add(key);
    NodeTuple tuple = entries.get(key);
    return tuple != null && !tuple.getValueNode().getTag().equals(Tag.NULL);
  }

  /** The items of the sequence under {@code key}; empty when absent. */
  public List<ConfigNode> list(String key) {
    ConfigNode holder = child(key);
    if (holder.node == null) return List.of();
    if (!(holder.node instanceof SequenceNode sequence)) throw holder.error("expected a list");
    if (holder.items.isEmpty()) {
      for (Node item : sequence.getValue()) {
        holder.items.add(new ConfigNode(holder.path + "[" + holder.items.size() + "]", item, item, context));
      }
    }
    return List.copyOf(holder.items);
  }

  /** This node's scalar text after expansion (expanded once, so an unset variable warns once). */
  public String text() {
    if (!(node instanceof ScalarNode scalar)) throw error("expected a single value");
    if (expanded == null) {
      try {
        expanded = context.env().expand(scalar.getValue(), this::warn);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
    }
    return expanded;
  }

  /**
   * This scalar typed as YAML types it, after expansion: an unquoted integer is a Long, an unquoted
   * decimal a Double, unquoted true/false a Boolean, anything else (and anything quoted) a String.
   */
  public Object typedValue() {
    String text = text();
    if (((ScalarNode) node).isPlain()) {
      if (INTEGER.matcher(text).matches()) {
        try {
          return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException tooLarge) {
          return Double.parseDouble(text.replace("_", ""));
        }
      }
      if (DECIMAL.matcher(text).matches()) return Double.parseDouble(text);
      if (text.equals("true") || text.equals("false")) return Boolean.parseBoolean(text);
    }
    return text;
  }

  /** A Go (RE2) regular expression, or null when absent; matched by RE2/J, as Go's regexp would. */
  public Pattern regex(String key) {
    ConfigNode child = child(key);
    if (!child.isPresent()) return null;
    try {
      return Pattern.compile(child.text());
    } catch (PatternSyntaxException e) {
      throw child.error("invalid regular expression: " + e.getMessage());
    }
  }

  public String string(String key, String fallback) {
    ConfigNode child = child(key);
    return child.isPresent() ? child.text() : fallback;
  }

  /** A value that has no default: absent is an error. */
  public String requiredString(String key) {
    ConfigNode child = child(key);
    if (!child.isPresent() || child.text().isEmpty()) throw child.error("must be set");
    return child.text();
  }

  public long longValue(String key, long fallback) {
    ConfigNode child = child(key);
    if (!child.isPresent()) return fallback;
    try {
      return Long.parseLong(child.text().replace("_", ""));
    } catch (NumberFormatException e) {
      throw child.error("expected an integer, got \"" + child.text() + "\"");
    }
  }

  /** A non-negative integer. */
  public int integer(String key, int fallback) {
    return integer(key, fallback, 0);
  }

  /** An integer that must be at least {@code min}. */
  public int integer(String key, int fallback, int min) {
    long value = longValue(key, fallback);
    if (value < min || value > Integer.MAX_VALUE) {
      throw child(key).error("must be between " + min + " and " + Integer.MAX_VALUE + ", got " + value);
    }
    return (int) value;
  }

  public double number(String key, double fallback) {
    ConfigNode child = child(key);
    if (!child.isPresent()) return fallback;
    try {
      return Double.parseDouble(child.text());
    } catch (NumberFormatException e) {
      throw child.error("expected a number, got \"" + child.text() + "\"");
    }
  }

  public boolean bool(String key, boolean fallback) {
    ConfigNode child = child(key);
    if (!child.isPresent()) return fallback;
    return switch (child.text()) {
      case "true", "True", "TRUE" -> true;
      case "false", "False", "FALSE" -> false;
      default -> throw child.error("expected true or false, got \"" + child.text() + "\"");
    };
  }

  /** A Go duration ({@code 5s}, {@code 100ms}, {@code 1m30s}); a bare 0 is accepted as Go accepts it. */
  public Duration duration(String key, Duration fallback) {
    ConfigNode child = child(key);
    if (!child.isPresent()) return fallback;
    try {
      long nanos = GoDuration.parseNanos(child.text());
      if (nanos < 0) throw child.error("must not be negative");
      return Duration.ofNanos(nanos);
    } catch (IllegalArgumentException e) {
      throw child.error(e.getMessage());
    }
  }

  /** One of {@code allowed}; the first is the default. */
  public String oneOf(String key, String... allowed) {
    ConfigNode child = child(key);
    if (!child.isPresent()) return allowed[0];
    String value = child.text();
    for (String candidate : allowed) {
      if (candidate.equals(value)) return value;
    }
    throw child.error("\"" + value + "\" is not one of " + String.join(", ", allowed));
  }

  /** A list of scalars ({@code [a, b]}); empty when absent. */
  public List<String> strings(String key) {
    List<String> values = new ArrayList<>();
    for (ConfigNode item : list(key)) values.add(item.text());
    return List.copyOf(values);
  }

  /** A mapping of scalars, such as {@code headers}; empty when absent. */
  public Map<String, String> stringMap(String key) {
    ConfigNode child = child(key);
    if (!child.isPresent()) return Map.of();
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : child.keys()) values.put(name, child.child(name).text());
    return values;
  }

  /**
   * Reports the first key, in this node or any node read below it, that no accessor asked for.
   *
   * @throws ConfigException naming the key, its line and the nearest known key
   */
  public void rejectUnknownKeys() {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (!known.contains(entry.getKey())) {
        String hint = Suggestions.closest(entry.getKey(), known)
            .map(k -> " (did you mean " + k + "?)")
            .orElse(known.isEmpty() ? " (this section takes no keys)" : "");
        throw new ConfigException(childPath(entry.getKey()), line(entry.getValue().getKeyNode()),
            "unknown key" + hint);
      }
    }
    for (ConfigNode child : childByKey.values()) child.rejectUnknownKeys();
    for (ConfigNode item : items) item.rejectUnknownKeys();
  }

  /** @throws ConfigException unless this value is a mapping or absent */
  public void requireMapping() {
    if (node != null && !(node instanceof MappingNode)) throw error("expected a mapping of keys to values");
  }

  private String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static int line(Node node) {
    return node == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
