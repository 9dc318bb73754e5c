package dev.ariadne.store.block;

import java.io.IOException;

/** A block's bytes are not what the writer wrote: truncated, garbled or hostile. Names what was read. */
public final class CorruptBlockException extends IOException {
  public CorruptBlockException(String message) {
    super(message);
  }

  public CorruptBlockException(String message, Throwable cause) {
    super(message, cause);
  }
}
