package dev.ariadne.model;

/**
 * The instrumentation library that made spans (OTLP's InstrumentationScope), shared by the spans of
 * one ScopeSpans.
 *
 * @param schemaUrl the schema URL of the ScopeSpans that carried it, "" if none
 */
public record InstrumentationScope(
    String name, String version, Attributes attributes, int droppedAttributesCount, String schemaUrl) {

  public static final InstrumentationScope EMPTY =
      new InstrumentationScope("", "", Attributes.EMPTY, 0, "");

  public static InstrumentationScope of(String name, String version) {
    return new InstrumentationScope(name, version, Attributes.EMPTY, 0, "");
  }
}
