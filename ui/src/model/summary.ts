// What the search results show of each trace, and their orders.
import { TraceModel, rootSpan } from './trace';

export interface TraceSummary {
  traceId: string;
  rootService: string;
  rootOperation: string;
  spanCount: number;
  errorCount: number;
  /** Services touched with their span counts, most spans first. */
  services: [string, number][];
  /** µs. */
  duration: number;
  start: number;
}

export function summarizeTrace(model: TraceModel): TraceSummary {
  const root = rootSpan(model);
  return {
    traceId: model.traceId,
    rootService: root?.service ?? '',
    rootOperation: root?.operation ?? '',
    spanCount: model.spans.length,
    errorCount: model.errorCount,
    services: [...model.services].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    duration: model.duration,
    start: model.start,
  };
}

export const SORTS = {
  recent: 'Most recent',
  longest: 'Longest first',
  shortest: 'Shortest first',
  spans: 'Most spans',
} as const;
export type SortOrder = keyof typeof SORTS;

export function sortSummaries(list: TraceSummary[], order: SortOrder): TraceSummary[] {
  const compare: Record<SortOrder, (a: TraceSummary, b: TraceSummary) => number> = {
    recent: (a, b) => b.start - a.start,
    longest: (a, b) => b.duration - a.duration,
    shortest: (a, b) => a.duration - b.duration,
    spans: (a, b) => b.spanCount - a.spanCount,
  };
  return [...list].sort(compare[order]);
}
