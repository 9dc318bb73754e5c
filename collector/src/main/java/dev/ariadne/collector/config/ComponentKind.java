package dev.ariadne.collector.config;

/** The component sections of a Collector configuration, with the key each is written under. */
public enum ComponentKind {
  RECEIVER("receivers"),
  PROCESSOR("processors"),
  EXPORTER("exporters"),
  EXTENSION("extensions");

  private final String section;

  ComponentKind(String section) {
    this.section = section;
  }

  public String section() {
    return section;
  }

  /** "receiver", "processor", …: how messages name one component of this kind. */
  public String singular() {
    return section.substring(0, section.length() - 1);
  }
}
