package dev.ariadne.store.block;

import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Attributes as a count, then per pair a dictionary id for the key and a type-tagged value: strings and
 * bytes length-prefixed, ints zigzag varints, doubles as their 8 raw bits (NaN payloads and -0 survive),
 * arrays and key/value lists recursively. Reading bounds nesting at {@value #MAX_DEPTH} levels.
 */
final class AttributeCodec {
  static final int MAX_DEPTH = 64;
  private static final int STRING = 0, FALSE = 1, TRUE = 2, INT = 3, DOUBLE = 4, BYTES = 5, ARRAY = 6,
      KVLIST = 7, EMPTY = 8;

  private AttributeCodec() {}

  static void write(ByteSink out, Attributes attributes, StringDictionary dictionary) {
    out.writeVarint(attributes.size());
    for (int i = 0; i < attributes.size(); i++) {
      out.writeVarint(dictionary.id(attributes.key(i)));
      writeValue(out, attributes.value(i), dictionary);
    }
  }

  /** One value, as {@link #write} writes the values of a list. */
  static void writeValue(ByteSink out, Object value, StringDictionary dictionary) {
    switch (AnyValue.typeOf(value)) {
      case STRING -> {
        out.writeByte(STRING);
        out.writeString((String) value);
      }
      case BOOL -> out.writeByte((Boolean) value ? TRUE : FALSE);
      case INT -> {
        out.writeByte(INT);
        out.writeZigzag((Long) value);
      }
      case DOUBLE -> {
        out.writeByte(DOUBLE);
        out.writeFixed64(Double.doubleToRawLongBits((Double) value));
      }
      case BYTES -> {
        out.writeByte(BYTES);
        out.writeLengthPrefixed(((Bytes) value).toByteArray());
      }
      case ARRAY -> {
        List<?> items = (List<?>) value;
        out.writeByte(ARRAY);
        out.writeVarint(items.size());
        for (Object item : items) writeValue(out, item, dictionary);
      }
      case KVLIST -> {
        out.writeByte(KVLIST);
        write(out, (Attributes) value, dictionary);
      }
      case EMPTY -> out.writeByte(EMPTY);
    }
  }

  static Attributes read(ByteSource in, String[] dictionary) throws CorruptBlockException {
    return read(in, dictionary, 0);
  }

  private static Attributes read(ByteSource in, String[] dictionary, int depth) throws CorruptBlockException {
    int count = in.readCount(2, "attributes");
    if (count == 0) return Attributes.EMPTY;
    Attributes.Builder b = Attributes.builder(count);
    for (int i = 0; i < count; i++) {
      String key = dictionary[in.readInt(dictionary.length - 1, "attribute key id")];
      b.put(key, readValue(in, dictionary, depth));
    }
    return b.build();
  }

  /** One value, as {@link #read} reads values of a list. */
  static Object readValue(ByteSource in, String[] dictionary) throws CorruptBlockException {
    return readValue(in, dictionary, 0);
  }

  private static Object readValue(ByteSource in, String[] dictionary, int depth) throws CorruptBlockException {
    int type = in.readByte();
    return switch (type) {
      case STRING -> in.readString();
      case FALSE -> Boolean.FALSE;
      case TRUE -> Boolean.TRUE;
      case INT -> in.readZigzag();
      case DOUBLE -> Double.longBitsToDouble(in.readFixed64());
      case BYTES -> Bytes.wrap(in.readLengthPrefixed());
      case ARRAY -> {
        if (depth >= MAX_DEPTH) throw in.corrupt("attribute values nested deeper than " + MAX_DEPTH);
        int count = in.readCount(1, "array");
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) items.add(readValue(in, dictionary, depth + 1));
        yield Collections.unmodifiableList(items);
      }
      case KVLIST -> {
        if (depth >= MAX_DEPTH) throw in.corrupt("attribute values nested deeper than " + MAX_DEPTH);
        yield read(in, dictionary, depth + 1);
      }
      case EMPTY -> AnyValue.EMPTY;
      default -> throw in.corrupt("unknown attribute value type " + type);
    };
  }
}
