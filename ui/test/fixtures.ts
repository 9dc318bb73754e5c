// Builds Jaeger JSON traces for the tests from compact span descriptions.
import { JaegerSpan, JaegerTag, JaegerTrace } from '../src/model/jaeger';

export interface SpanSpec {
  id: string;
  parent?: string;
  service?: string;
  op?: string;
  start: number;
  duration: number;
  tags?: JaegerTag[];
}

export function trace(specs: SpanSpec[], traceID = 'abc'): JaegerTrace {
  const processes: Record<string, { serviceName: string }> = {};
  const spans: JaegerSpan[] = specs.map((s) => {
    const service = s.service ?? 'svc';
    const processID = `p-${service}`;
    processes[processID] = { serviceName: service };
    return {
      traceID,
      spanID: s.id,
      operationName: s.op ?? s.id,
      references: s.parent ? [{ refType: 'CHILD_OF', traceID, spanID: s.parent }] : [],
      startTime: s.start,
      duration: s.duration,
      tags: s.tags ?? [],
      logs: [],
      processID,
    };
  });
  return { traceID, spans, processes };
}
