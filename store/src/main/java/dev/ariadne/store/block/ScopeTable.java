package dev.ariadne.store.block;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;

/** The distinct instrumentation scopes of a row group, as the RESOURCES column stores them. */
record ScopeTable(InstrumentationScope[] scopes) {
  static ScopeTable read(ByteSource in, String[] dictionary) throws CorruptBlockException {
    int count = in.readCount(5, "scopes");
    InstrumentationScope[] scopes = new InstrumentationScope[count];
    for (int i = 0; i < count; i++) {
      String name = dictionary[in.readInt(dictionary.length - 1, "scope name id")];
      String version = dictionary[in.readInt(dictionary.length - 1, "scope version id")];
      Attributes attributes = AttributeCodec.read(in, dictionary);
      int dropped = (int) in.readVarint();
      scopes[i] = new InstrumentationScope(name, version, attributes, dropped, in.readString());
    }
    return new ScopeTable(scopes);
  }

  InstrumentationScope get(ByteSource in, int index) throws CorruptBlockException {
    if (index < 0 || index >= scopes.length) throw in.corrupt("scope index " + index + " of " + scopes.length);
    return scopes[index];
  }
}
