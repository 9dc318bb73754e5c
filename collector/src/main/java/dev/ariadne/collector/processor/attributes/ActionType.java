package dev.ariadne.collector.processor.attributes;

/** What an attribute action does; the names are the Collector's {@code action} values. */
public enum ActionType {
  /** Adds the key if absent. */
  INSERT,
  /** Changes the key's value if present. */
  UPDATE,
  /** Adds or changes. */
  UPSERT,
  /** Removes the key and every key matching {@code pattern}. */
  DELETE,
  /** Replaces values (by key and pattern) with the SHA-1 of their bytes, in hex. */
  HASH,
  /** Matches the key's string value against {@code pattern} and upserts each named group as a key. */
  EXTRACT,
  /** Changes the value's type to {@code converted_type}: int, double or string. */
  CONVERT
}
