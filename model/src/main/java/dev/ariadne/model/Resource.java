package dev.ariadne.model;

import java.util.List;

/**
 * The entity that produced spans: a service instance, described by attributes. Spans of one batch share
 * one Resource object, so its cost is paid once per batch, not per span.
 *
 * @param schemaUrl the schema URL of the ResourceSpans that carried it, "" if none
 */
public record Resource(
    Attributes attributes, int droppedAttributesCount, List<EntityRef> entityRefs, String schemaUrl) {

  public static final String SERVICE_NAME = "service.name";
  /** OTel's name for a service that did not say its name. */
  public static final String UNKNOWN_SERVICE = "unknown_service";
  public static final Resource EMPTY = new Resource(Attributes.EMPTY, 0, List.of(), "");

  public Resource {
    entityRefs = List.copyOf(entityRefs);
  }

  public static Resource of(Attributes attributes) {
    return new Resource(attributes, 0, List.of(), "");
  }

  /** The service.name attribute, or {@value #UNKNOWN_SERVICE} when absent. */
  public String serviceName() {
    String name = attributes.getString(SERVICE_NAME);
    return name == null || name.isEmpty() ? UNKNOWN_SERVICE : name;
  }

  /** OTLP's EntityRef: which resource attributes identify and describe an entity. */
  public record EntityRef(String schemaUrl, String type, List<String> idKeys, List<String> descriptionKeys) {
    public EntityRef {
      idKeys = List.copyOf(idKeys);
      descriptionKeys = List.copyOf(descriptionKeys);
    }
  }
}
