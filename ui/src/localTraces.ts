// Traces opened from a file on disk: kept for the session and shown at /trace/{id} like stored ones.
import { JaegerTrace } from './model/jaeger';
import { normalizeTraceId } from './model/routes';

const opened = new Map<string, JaegerTrace>();

export function keepOpened(traces: JaegerTrace[]): void {
  for (const t of traces) opened.set(normalizeTraceId(t.traceID), t);
}

export function openedTrace(traceId: string): JaegerTrace | undefined {
  return opened.get(traceId);
}
