// What a trace file opened from disk holds: Jaeger JSON (an /api/traces answer, one trace or a list of
// them) or OTLP JSON (a TracesData, or the {"result": …} of Jaeger's API v3), which the server converts.
import { JaegerTrace } from './jaeger';

export type TraceFile =
  | { format: 'jaeger'; traces: JaegerTrace[] }
  | { format: 'otlp'; body: string }
  | { format: 'unknown'; reason: string };

export function readTraceFile(text: string): TraceFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { format: 'unknown', reason: `not JSON: ${(e as Error).message}` };
  }
  const obj = json as Record<string, unknown>;
  const otlp = (obj?.result as Record<string, unknown> | undefined)?.resourceSpans ? obj.result : obj;
  if (Array.isArray((otlp as Record<string, unknown>)?.resourceSpans)) {
    return { format: 'otlp', body: JSON.stringify(otlp) };
  }
  const list = Array.isArray(json) ? json : Array.isArray(obj?.data) ? obj.data : [json];
  if (list.length && list.every(isJaegerTrace)) return { format: 'jaeger', traces: list as JaegerTrace[] };
  return { format: 'unknown', reason: 'neither Jaeger JSON (traceID, spans, processes) nor OTLP JSON (resourceSpans)' };
}

function isJaegerTrace(t: unknown): boolean {
  const o = t as Record<string, unknown> | null;
  return !!o && typeof o.traceID === 'string' && Array.isArray(o.spans) && typeof o.processes === 'object';
}
