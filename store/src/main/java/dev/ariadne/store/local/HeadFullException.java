package dev.ariadne.store.local;

/** Spans arrive faster than blocks are written: the batch is refused so the sender retries later. */
public final class HeadFullException extends RuntimeException {
  HeadFullException(long headBytes, long headMaxBytes) {
    super("the store's head holds " + headBytes + " bytes, over its bound of " + headMaxBytes
        + ", until blocks are written; retry later");
  }
}
