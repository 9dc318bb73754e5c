package dev.ariadne.store.local;

import dev.ariadne.store.Catalog;
import dev.ariadne.store.Operation;
import dev.ariadne.store.TagScope;
import dev.ariadne.store.block.BlockMeta;
import dev.ariadne.store.block.TagSummary;
import java.util.List;
import java.util.Map;

/** Feeds what a block's meta lists into the catalog, so lists survive restarts once spans are in blocks. */
final class BlockCatalog {
  private BlockCatalog() {}

  static void addTo(Catalog catalog, BlockMeta meta) {
    for (Map.Entry<String, List<Operation>> service : meta.operations().entrySet()) {
      for (Operation op : service.getValue()) catalog.addOperation(service.getKey(), op);
    }
    addTags(catalog, TagScope.SPAN, meta.spanTags());
    addTags(catalog, TagScope.RESOURCE, meta.resourceTags());
  }

  private static void addTags(Catalog catalog, TagScope scope, TagSummary tags) {
    tags.values().forEach((key, values) -> {
      for (Object value : values) catalog.addTag(scope, key, value);
    });
  }
}
