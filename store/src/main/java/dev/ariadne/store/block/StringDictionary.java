package dev.ariadne.store.block;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The block's string table, written into its index: service names, span and event names, attribute keys
 * and scope names, each stored once and referred to by id. Ids are given in order of first use, so a
 * streaming writer can assign them before the table is written. Attribute values are not in it: most are
 * unique, and zstd already shares the repeated ones within a column chunk.
 */
final class StringDictionary {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> strings = new ArrayList<>();

  int id(String s) {
    Integer id = ids.get(s);
    if (id != null) return id;
    int next = strings.size();
    ids.put(s, next);
    strings.add(s);
    return next;
  }

  /** The id of {@code s}, or -1 if it is not in the table (then no field using the table holds it). */
  int find(String s) {
    Integer id = ids.get(s);
    return id == null ? -1 : id;
  }

  int size() {
    return strings.size();
  }

  String get(int id) {
    return strings.get(id);
  }

  void writeTo(ByteSink out) {
    out.writeVarint(strings.size());
    for (String s : strings) out.writeString(s);
  }

  static StringDictionary readFrom(ByteSource in) throws CorruptBlockException {
    int count = in.readCount(1, "dictionary");
    StringDictionary dictionary = new StringDictionary();
    for (int i = 0; i < count; i++) {
      String s = in.readString();
      if (dictionary.id(s) != i) throw in.corrupt("dictionary repeats \"" + s + "\"");
    }
    return dictionary;
  }
}
