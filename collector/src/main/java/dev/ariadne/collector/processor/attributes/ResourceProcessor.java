package dev.ariadne.collector.processor.attributes;

import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.processor.SpanCopy;
import dev.ariadne.collector.processor.TransformingProcessor;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the resource processor's actions to each span's resource. Spans of a batch share their
 * Resource object; the changed resource is made once per distinct resource and shared again.
 */
final class ResourceProcessor extends TransformingProcessor {
  private final AttributeActions actions;

  ResourceProcessor(ResourceConfig config, TracesConsumer next, ProcessorContext context) {
    super(next, context);
    this.actions = new AttributeActions(config.actions());
  }

  @Override
  protected List<Span> process(List<Span> spans) {
    Map<Resource, Resource> changed = new IdentityHashMap<>();
    List<Span> out = new ArrayList<>(spans.size());
    for (Span span : spans) {
      Resource resource = changed.computeIfAbsent(span.resource(), this::apply);
      out.add(resource == span.resource() ? span : SpanCopy.with(span, resource, span.attributes()));
    }
    return out;
  }

  private Resource apply(Resource resource) {
    var attributes = actions.apply(resource.attributes());
    return attributes == resource.attributes() ? resource
        : new Resource(attributes, resource.droppedAttributesCount(), resource.entityRefs(), resource.schemaUrl());
  }
}
