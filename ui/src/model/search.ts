// The search form's state, read from and written to Jaeger UI's /search URL, and turned into a request
// to /api/traces (Jaeger's parameters) or, for a TraceQL query, to the UI's TraceQL route.
import { Tags, formatLogfmt, parseTagsParam } from './logfmt';

export const LOOKBACKS = ['5m', '15m', '30m', '1h', '2h', '3h', '6h', '12h', '24h', '2d', '7d', 'custom'] as const;
export const SPAN_KINDS = ['', 'server', 'client', 'producer', 'consumer', 'internal'] as const;

export interface SearchState {
  service: string;
  operation: string;
  spanKind: string;
  tags: Tags;
  traceql: string;
  lookback: string;
  /** µs since the epoch, for a custom range. */
  start: number | null;
  end: number | null;
  minDuration: string;
  maxDuration: string;
  limit: number;
  /** Jaeger UI's lookup of given traces (/search?traceID=…&traceID=…), which replaces the other fields. */
  traceIds: string[];
}

export const DEFAULT_LIMIT = 20;

export function searchFromParams(params: URLSearchParams): SearchState {
  const micros = (name: string) => {
    const v = params.get(name);
    return v && /^\d+$/.test(v) ? Number(v) : null;
  };
  const limit = Number(params.get('limit'));
  return {
    service: params.get('service') ?? '',
    operation: params.get('operation') ?? '',
    spanKind: params.get('spanKind') ?? '',
    tags: parseTagsParam(params.get('tags')),
    traceql: params.get('traceql') ?? '',
    lookback: params.get('lookback') || '1h',
    start: micros('start'),
    end: micros('end'),
    minDuration: params.get('minDuration') ?? '',
    maxDuration: params.get('maxDuration') ?? '',
    limit: Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_LIMIT,
    traceIds: params.getAll('traceID').filter(Boolean),
  };
}

/** The /search URL's query, in Jaeger UI's form: tags as JSON, start and end in µs. */
export function searchToParams(s: SearchState, nowMillis: number): URLSearchParams {
  const p = new URLSearchParams();
  const { start, end } = timeRange(s, nowMillis);
  for (const id of s.traceIds) p.append('traceID', id);
  if (s.traceql) p.set('traceql', s.traceql);
  else {
    p.set('service', s.service);
    if (s.operation) p.set('operation', s.operation);
    if (s.spanKind) p.set('spanKind', s.spanKind);
    if (Object.keys(s.tags).length) p.set('tags', JSON.stringify(s.tags));
  }
  p.set('lookback', s.lookback);
  p.set('start', String(start));
  p.set('end', String(end));
  if (s.minDuration) p.set('minDuration', s.minDuration);
  if (s.maxDuration) p.set('maxDuration', s.maxDuration);
  p.set('limit', String(s.limit));
  return p;
}

/**
 * The window searched, µs: the URL's start and end when it has them (as Jaeger UI, so a shared link
 * finds what its author saw), else the lookback ending now.
 */
export function timeRange(s: SearchState, nowMillis: number): { start: number; end: number } {
  if (s.start !== null && s.end !== null) return { start: s.start, end: s.end };
  const end = nowMillis * 1000;
  return { start: end - lookbackMicros(s.lookback), end };
}

function lookbackMicros(lookback: string): number {
  const m = /^(\d+)([mhd])$/.exec(lookback);
  if (!m) return 3_600_000_000;
  const unit = { m: 60, h: 3600, d: 86_400 }[m[2] as 'm' | 'h' | 'd'];
  return Number(m[1]) * unit * 1_000_000;
}

/** The API request the search makes: Jaeger's /api/traces (by ids or by search), or the TraceQL route. */
export function searchRequest(s: SearchState, nowMillis: number): string {
  const { start, end } = timeRange(s, nowMillis);
  const p = new URLSearchParams();
  if (s.traceIds.length) {
    for (const id of s.traceIds) p.append('traceID', id);
    return `/api/traces?${p}`;
  }
  if (s.traceql) {
    p.set('q', s.traceql);
    p.set('start', String(Math.floor(start / 1_000_000)));
    p.set('end', String(Math.ceil(end / 1_000_000)));
  } else {
    p.set('service', s.service);
    if (s.operation) p.set('operation', s.operation);
    const tags = s.spanKind ? { ...s.tags, 'span.kind': s.spanKind } : s.tags;
    if (Object.keys(tags).length) p.set('tags', JSON.stringify(tags));
    p.set('start', String(start));
    p.set('end', String(end));
  }
  if (s.minDuration) p.set('minDuration', s.minDuration);
  if (s.maxDuration) p.set('maxDuration', s.maxDuration);
  p.set('limit', String(s.limit));
  return `${s.traceql ? '/api/ui/traceql' : '/api/traces'}?${p}`;
}

/** Whether the URL asks for a search, rather than only showing the form. */
export function hasQuery(s: SearchState): boolean {
  return s.service !== '' || s.traceql !== '' || s.traceIds.length > 0;
}

export function tagsText(s: SearchState): string {
  return formatLogfmt(s.tags);
}
