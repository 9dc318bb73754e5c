// The Jaeger UI JSON that /api/traces answers (and /api/transform, and a Jaeger JSON file on disk): the
// UI's trace model. Times are microseconds since the epoch.

export interface JaegerTag {
  key: string;
  type?: string;
  value: string | number | boolean;
}

export interface JaegerLog {
  timestamp: number;
  fields: JaegerTag[];
}

export interface JaegerReference {
  refType: 'CHILD_OF' | 'FOLLOWS_FROM';
  traceID: string;
  spanID: string;
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: JaegerReference[] | null;
  startTime: number;
  duration: number;
  tags?: JaegerTag[] | null;
  logs?: JaegerLog[] | null;
  processID: string;
  warnings?: string[] | null;
  flags?: number;
}

export interface JaegerProcess {
  serviceName: string;
  tags?: JaegerTag[] | null;
}

export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, JaegerProcess>;
  warnings?: string[] | null;
}

/** Jaeger's envelope around every answer of its v1 HTTP API. */
export interface JaegerEnvelope<T> {
  data: T;
  total?: number;
  errors?: { code: number; msg: string; traceID?: string }[] | null;
}

export function tagValue(tags: JaegerTag[] | null | undefined, key: string): JaegerTag['value'] | undefined {
  return tags?.find((t) => t.key === key)?.value;
}
