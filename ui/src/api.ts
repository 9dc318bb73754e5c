// Requests to the query port's APIs. Errors carry the server's message (Jaeger's envelope errors).
import { JaegerEnvelope, JaegerTrace } from './model/jaeger';

export class ApiError extends Error {}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(`${res.status} ${res.statusText}: ${text.slice(0, 300)}`);
  }
  const errors = (body as JaegerEnvelope<unknown>).errors;
  if (!res.ok) throw new ApiError(errors?.[0]?.msg ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export async function services(): Promise<string[]> {
  return (await getJson<JaegerEnvelope<string[]>>('/api/services')).data ?? [];
}

export async function operations(service: string): Promise<string[]> {
  const url = `/api/services/${encodeURIComponent(service)}/operations`;
  return ((await getJson<JaegerEnvelope<string[]>>(url)).data ?? []).sort();
}

export async function searchTraces(url: string): Promise<JaegerTrace[]> {
  return (await getJson<JaegerEnvelope<JaegerTrace[]>>(url)).data ?? [];
}

export async function trace(traceId: string): Promise<JaegerTrace> {
  const data = (await getJson<JaegerEnvelope<JaegerTrace[]>>(`/api/traces/${encodeURIComponent(traceId)}`)).data;
  if (!data?.length) throw new ApiError(`trace ${traceId} not found`);
  return data[0];
}

/** The trace as OTLP JSON, from Jaeger's API v3. */
export async function otlpTrace(traceId: string): Promise<string> {
  const res = await fetch(`/api/v3/traces/${encodeURIComponent(traceId)}`);
  if (!res.ok) throw new ApiError(`${res.status} ${res.statusText}`);
  return res.text();
}

/** OTLP JSON (a file opened from disk) to Jaeger JSON, by the server's /api/transform. */
export async function transformOtlp(otlpJson: string): Promise<JaegerTrace[]> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: otlpJson };
  return (await getJson<JaegerEnvelope<JaegerTrace[]>>('/api/transform', init)).data ?? [];
}

export interface DependencyEdge {
  parent: string;
  child: string;
  callCount: number;
  sampledCalls?: number;
  sampledErrors?: number;
  p50Micros?: number;
  p95Micros?: number;
}

export async function dependencies(lookback: string, endMillis: number): Promise<{ sampledTraces: number; edges: DependencyEdge[] }> {
  const url = `/api/ui/dependencies?endTs=${endMillis}&lookback=${encodeURIComponent(lookback)}`;
  return (await getJson<JaegerEnvelope<{ sampledTraces: number; edges: DependencyEdge[] }>>(url)).data;
}
