// The search results' scatter plot: each trace a dot at its start time and duration, errors in red; a
// click opens the trace.
import { svg } from '../dom';
import { formatDuration, formatTime } from '../model/format';
import { TraceSummary } from '../model/summary';

const W = 1000;
const H = 180;
const PAD = { left: 60, right: 12, top: 10, bottom: 24 };

export function scatterPlot(traces: TraceSummary[], open: (traceId: string) => void): SVGElement {
  const plot = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'scatter', role: 'img', 'aria-label': 'trace durations over time' });
  if (!traces.length) return plot;
  const t0 = Math.min(...traces.map((t) => t.start));
  const t1 = Math.max(...traces.map((t) => t.start));
  const maxDuration = Math.max(...traces.map((t) => t.duration)) || 1;
  const x = (start: number) => PAD.left + (t1 === t0 ? 0.5 : (start - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (duration: number) => H - PAD.bottom - (duration / maxDuration) * (H - PAD.top - PAD.bottom);
  plot.append(
    svg('line', { x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom, class: 'axis' }),
    svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom, class: 'axis' }),
    svg('text', { x: PAD.left - 6, y: PAD.top + 10, 'text-anchor': 'end', class: 'tick' }, formatDuration(maxDuration)),
    svg('text', { x: PAD.left - 6, y: H - PAD.bottom, 'text-anchor': 'end', class: 'tick' }, '0'),
    svg('text', { x: PAD.left, y: H - 6, class: 'tick' }, formatTime(t0)),
    svg('text', { x: W - PAD.right, y: H - 6, 'text-anchor': 'end', class: 'tick' }, formatTime(t1)),
  );
  for (const t of traces) {
    const r = 4 + Math.min(6, Math.sqrt(t.spanCount) / 2);
    const dot = svg('circle', {
      cx: x(t.start), cy: y(t.duration), r,
      class: t.errorCount ? 'dot error' : 'dot',
      'data-trace-id': t.traceId,
    }, svg('title', {}, `${t.rootService}: ${t.rootOperation}\n${formatDuration(t.duration)}, ${t.spanCount} spans`));
    dot.addEventListener('click', () => open(t.traceId));
    plot.append(dot);
  }
  return plot;
}
