// How durations (µs) and times are written everywhere in the UI.

export function formatDuration(micros: number): string {
  if (micros < 1) return `${+micros.toFixed(2)}µs`;
  if (micros < 1000) return `${+micros.toFixed(micros < 10 ? 2 : 0)}µs`;
  if (micros < 1_000_000) return `${+(micros / 1000).toFixed(micros < 10_000 ? 2 : 1)}ms`;
  if (micros < 60_000_000) return `${+(micros / 1_000_000).toFixed(2)}s`;
  const minutes = Math.floor(micros / 60_000_000);
  return `${minutes}m${+((micros - minutes * 60_000_000) / 1_000_000).toFixed(1)}s`;
}

/** A start time in µs since the epoch as local date and time with milliseconds. */
export function formatTime(micros: number): string {
  const d = new Date(micros / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** "5 minutes ago"-style age of a time in µs, relative to now in ms. */
export function formatAge(micros: number, nowMillis: number): string {
  const seconds = Math.max(0, Math.round(nowMillis / 1000 - micros / 1_000_000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)}h ago`;
  return `${Math.round(seconds / 86_400)}d ago`;
}
