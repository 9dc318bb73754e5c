package dev.ariadne.store.wal;

import java.util.Locale;

/**
 * When the WAL forces appended records to stable storage, and so what an acknowledged record survives:
 * every policy survives a crash of the process (the record is in the OS page cache before {@code append}
 * returns); only {@link #ALWAYS} also survives a power loss or an OS crash for every acknowledged record.
 */
public enum FsyncPolicy {
  /** Forced before {@code append} returns; concurrent appenders share one fsync (group commit). */
  ALWAYS,
  /** Forced by a background thread every {@link WalConfig#fsyncInterval()}: a power loss loses up to that much. */
  INTERVAL,
  /** Left to the OS to write back; forced only on {@link Wal#close()}. */
  NEVER;

  /** Parses {@code always}, {@code interval} or {@code never}, ignoring case and surrounding blanks. */
  public static FsyncPolicy of(String name) {
    if (name != null) {
      switch (name.strip().toLowerCase(Locale.ROOT)) {
        case "always" -> { return ALWAYS; }
        case "interval" -> { return INTERVAL; }
        case "never" -> { return NEVER; }
        default -> { }
      }
    }
    throw new IllegalArgumentException(
        "unknown WAL fsync policy '" + name + "': expected always, interval or never");
  }
}
