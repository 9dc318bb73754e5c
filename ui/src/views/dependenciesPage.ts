// /dependencies: the service graph of a time window as a directed graph, each edge labelled with its
// calls, error rate and latency, and the same figures in a table.
import * as api from '../api';
import { h, svg } from '../dom';
import { serviceColor } from '../model/colors';
import { formatDuration } from '../model/format';
import { layoutGraph } from '../model/graphLayout';
import { navigate } from '../router';

const LOOKBACKS = ['15m', '1h', '6h', '24h', '2d', '7d'];
const NODE_W = 150;
const NODE_H = 32;
const COL = 280;
const ROW = 80;

export function dependenciesPage(root: HTMLElement, lookback: string): void {
  const select = h('select', { id: 'dependencies-lookback' },
    LOOKBACKS.map((l) => h('option', { value: l, selected: l === lookback }, `last ${l}`)));
  select.addEventListener('change', () => navigate(`/dependencies?lookback=${select.value}`));
  const body = h('div', null, h('p', { class: 'hint' }, 'Loading the service graph…'));
  root.replaceChildren(h('div', { class: 'dependencies-page' },
    h('div', { class: 'toolbar' }, h('h1', null, 'Service dependencies'), select), body));
  api.dependencies(lookback, Date.now()).then(({ sampledTraces, edges }) => {
    if (!edges.length) {
      body.replaceChildren(h('p', { class: 'hint', id: 'no-dependencies' }, 'No calls between services in this window.'));
      return;
    }
    body.replaceChildren(graph(edges), table(edges, sampledTraces));
  }, (e: Error) => body.replaceChildren(h('p', { class: 'error-message' }, e.message)));
}

function errorRate(e: api.DependencyEdge): string {
  return e.sampledCalls ? `${+(((e.sampledErrors ?? 0) / e.sampledCalls) * 100).toFixed(1)}%` : '—';
}

function graph(edges: api.DependencyEdge[]): SVGElement {
  const nodes = layoutGraph(edges);
  const layers = Math.max(...[...nodes.values()].map((n) => n.layer)) + 1;
  const rows = Math.max(...[...nodes.values()].map((n) => n.index)) + 1;
  const pos = (name: string) => {
    const n = nodes.get(name)!;
    return { x: 20 + n.layer * COL, y: 20 + n.index * ROW };
  };
  const out = svg('svg', { class: 'dependency-graph', id: 'dependency-graph',
    viewBox: `0 0 ${layers * COL} ${rows * ROW + 20}`, width: layers * COL, height: rows * ROW + 20 },
  svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' },
    svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }))));
  for (const e of edges) {
    const a = pos(e.parent);
    const b = pos(e.child);
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const backwards = b.x <= a.x;
    const x2 = backwards ? b.x + NODE_W / 2 : b.x;
    const y2 = backwards ? b.y + (b.y > a.y ? 0 : NODE_H) : b.y + NODE_H / 2;
    const mid = (x1 + x2) / 2;
    const failing = (e.sampledErrors ?? 0) > 0;
    const figures = `${e.callCount} calls, ${errorRate(e)} errors${e.p95Micros !== undefined ? `, p95 ${formatDuration(e.p95Micros)}` : ''}`;
    out.append(
      svg('path', { d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`, class: failing ? 'edge failing' : 'edge', 'marker-end': 'url(#arrow)' },
        svg('title', {}, `${e.parent} → ${e.child}: ${figures}`)),
      // Short on the graph, where labels crowd; the table below has every figure.
      svg('text', { x: mid, y: (y1 + y2) / 2 - 3, class: 'edge-label', 'text-anchor': 'middle' },
        `${e.callCount} · ${errorRate(e)}`, svg('title', {}, figures)));
  }
  for (const n of nodes.values()) {
    const { x, y } = pos(n.name);
    out.append(svg('g', { class: 'service-node', 'data-service': n.name },
      svg('rect', { x, y, width: NODE_W, height: NODE_H, rx: 6, style: `stroke:${serviceColor(n.name)}` }),
      svg('text', { x: x + NODE_W / 2, y: y + NODE_H / 2 + 4, 'text-anchor': 'middle' }, n.name)));
  }
  return out;
}

function table(edges: api.DependencyEdge[], sampledTraces: number): HTMLElement {
  return h('section', null,
    h('table', { class: 'dependency-table', id: 'dependency-table' },
      h('thead', null, h('tr', null, ['Caller', 'Callee', 'Calls', 'Error rate', 'p50', 'p95'].map((t) => h('th', null, t)))),
      h('tbody', null, edges.map((e) => h('tr', null,
        h('td', null, e.parent), h('td', null, e.child), h('td', null, String(e.callCount)),
        h('td', null, errorRate(e)),
        h('td', null, e.p50Micros !== undefined ? formatDuration(e.p50Micros) : '—'),
        h('td', null, e.p95Micros !== undefined ? formatDuration(e.p95Micros) : '—'))))),
    h('p', { class: 'muted' }, `Calls count every call in the window; error rates and latencies are of the calls in its ${sampledTraces} most recent traces.`));
}
