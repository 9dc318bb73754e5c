package dev.ariadne.store;

/** Where an attribute sits: on the span itself or on the resource (the service) that made it. */
public enum TagScope {
  SPAN,
  RESOURCE
}
