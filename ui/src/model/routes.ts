// Every view is a URL, and the URLs are Jaeger UI's, so links in runbooks, alerts and Grafana keep
// working: /search?…, /trace/{id}?uiFind=…, /trace/{a}...{b} to compare, /dependencies.
import { SearchState, searchFromParams } from './search';

export type Route =
  | { page: 'search'; search: SearchState }
  | { page: 'trace'; traceId: string; uiFind: string }
  | { page: 'compare'; a: string; b: string }
  | { page: 'dependencies'; lookback: string }
  | { page: 'notFound'; path: string };

export function parseRoute(pathname: string, query: string): Route {
  const params = new URLSearchParams(query);
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/search') return { page: 'search', search: searchFromParams(params) };
  if (path === '/dependencies') return { page: 'dependencies', lookback: params.get('lookback') || '24h' };
  const trace = /^\/trace\/([^/]+)$/.exec(path);
  if (trace) {
    const id = decodeURIComponent(trace[1]);
    const pair = /^([0-9a-fA-F]+)\.\.\.([0-9a-fA-F]+)$/.exec(id);
    if (pair) return { page: 'compare', a: normalizeTraceId(pair[1]), b: normalizeTraceId(pair[2]) };
    return { page: 'trace', traceId: normalizeTraceId(id), uiFind: params.get('uiFind') ?? '' };
  }
  return { page: 'notFound', path: pathname };
}

export function traceUrl(traceId: string, uiFind = ''): string {
  return `/trace/${traceId}${uiFind ? `?uiFind=${encodeURIComponent(uiFind)}` : ''}`;
}

export function compareUrl(a: string, b: string): string {
  return `/trace/${a}...${b}`;
}

/** Jaeger drops leading zeros from trace ids; links may carry either form. */
export function normalizeTraceId(id: string): string {
  return id.toLowerCase().replace(/^0+(?=.)/, '');
}
