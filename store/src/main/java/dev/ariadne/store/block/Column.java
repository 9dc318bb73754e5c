package dev.ariadne.store.block;

/**
 * The column chunks of a row group, stored in this order, each compressed on its own. A search reads
 * RESOURCES and CORE (adjacent, one ranged get) for every row group its statistics did not rule out, TAGS
 * first when it has tag conditions and then only the ATTR_VALUES frames of the keys those name; the rest
 * only for row groups with traces to return.
 */
enum Column {
  /** The row group's distinct resources and scopes. */
  RESOURCES,
  /** Per trace its span count and start; per span its resource, name, kind and status, start and duration. */
  CORE,
  /** Per span its span id, then per span its parent (an index into the trace where possible). */
  IDS,
  /** Per span the rest: scope, trace state, flags, dropped counts, events, links, status message. */
  EXTRA,
  /** Per span its attribute count, then per attribute which of the row group's attribute keys it has. */
  ATTR_KEYS,
  /**
   * Not one chunk but one frame per attribute key of the row group (the index lists them): the spans
   * that have the key, then their values, so a tag search opens only the keys it names.
   */
  ATTR_VALUES,
  /**
   * A bloom filter of every (tag, value as text) a tag search could match in the row group, then the
   * dictionary ids of the keys its event attributes use.
   */
  TAGS;

  static final Column[] ALL = values();
  static final int MAGIC_BASE = 0x41524300;  // stored little-endian: the column ordinal, then "CRA"

  int magic() {
    return MAGIC_BASE | ordinal();
  }
}
