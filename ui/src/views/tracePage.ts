// /trace/{id}: header, toolbar, minimap, waterfall and the selected span's details. ?uiFind= selects
// and highlights spans, as in Jaeger UI. Keys: ↑/↓ or k/j move, ←/→ collapse/expand, Esc closes the
// details, / finds.
import * as api from '../api';
import { download } from '../download';
import { h } from '../dom';
import { openedTrace } from '../localTraces';
import { adjustClockSkew } from '../model/clockSkew';
import { criticalPath, segmentsBySpan } from '../model/criticalPath';
import { findSpans } from '../model/find';
import { JaegerTrace } from '../model/jaeger';
import { traceUrl } from '../model/routes';
import { TraceModel, buildTrace } from '../model/trace';
import { replaceUrl } from '../router';
import { minimap } from './minimap';
import { spanDetail } from './spanDetail';
import { traceHeader } from './traceHeader';
import { Waterfall } from './waterfall';

/** Draws the page; returns what to undo when another page replaces it. */
export function tracePage(root: HTMLElement, traceId: string, uiFind: string): () => void {
  root.replaceChildren(h('p', { class: 'hint' }, `Loading trace ${traceId}…`));
  let detach = () => {};
  const local = openedTrace(traceId);
  (local ? Promise.resolve(local) : api.trace(traceId)).then(
    (trace) => (detach = show(root, trace, uiFind, !local)),
    (e: Error) => root.replaceChildren(h('p', { class: 'error-message' }, e.message)));
  return () => detach();
}

function show(root: HTMLElement, trace: JaegerTrace, uiFind: string, stored: boolean): () => void {
  const model = adjustClockSkew(buildTrace(trace));
  const detail = h('div', { class: 'detail-slot' });
  const waterfall = new Waterfall(model, segmentsBySpan(criticalPath(model)), (node) =>
    detail.replaceChildren(...(node ? [spanDetail(node, model, () => waterfall.select(null))] : [])));
  const find = h('input', { type: 'search', id: 'find', placeholder: 'Find in trace (/)', value: uiFind });
  const findCount = h('span', { class: 'muted', id: 'find-count' });
  let matches: string[] = [];
  let matchAt = -1;
  const runFind = (select: boolean) => {
    const found = findSpans(model, find.value);
    matches = model.spans.filter((s) => found.has(s.id)).map((s) => s.id);
    matchAt = -1;
    waterfall.setMatches(found);
    findCount.textContent = find.value ? `${matches.length} match${matches.length === 1 ? '' : 'es'}` : '';
    replaceUrl(traceUrl(model.traceId, find.value));
    if (select && matches.length) nextMatch();
  };
  const nextMatch = () => {
    if (!matches.length) return;
    matchAt = (matchAt + 1) % matches.length;
    waterfall.select(matches[matchAt]);
  };
  find.addEventListener('input', () => runFind(false));
  find.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') nextMatch();
  });

  root.replaceChildren(h('div', { class: 'trace-page' },
    traceHeader(model),
    toolbar(model, trace, stored, waterfall, find, findCount),
    minimap(model, (from, to) => waterfall.setView(from, to)),
    h('div', { class: 'trace-body' }, waterfall.el, detail)));
  if (uiFind) runFind(true);

  const onKey = (e: KeyboardEvent) => {
    const typing = (e.target as HTMLElement).closest('input, textarea, select');
    if (typing) {
      if (e.key === 'Escape') (e.target as HTMLElement).blur();
      return;
    }
    const selected = waterfall.selectedId;
    const actions: Record<string, () => void> = {
      ArrowDown: () => waterfall.move(1), j: () => waterfall.move(1),
      ArrowUp: () => waterfall.move(-1), k: () => waterfall.move(-1),
      ArrowLeft: () => selected && waterfall.setCollapsed(selected, true),
      ArrowRight: () => selected && waterfall.setCollapsed(selected, false),
      Escape: () => waterfall.select(null),
      '/': () => find.focus(),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };
  document.addEventListener('keydown', onKey);
  waterfall.focus();
  return () => document.removeEventListener('keydown', onKey);
}

function toolbar(model: TraceModel, trace: JaegerTrace, stored: boolean, waterfall: Waterfall,
    find: HTMLInputElement, findCount: HTMLElement): HTMLElement {
  const button = (label: string, id: string, action: () => void, title = '') => {
    const b = h('button', { type: 'button', id, title }, label);
    b.addEventListener('click', action);
    return b;
  };
  const copied = h('span', { class: 'muted', id: 'copied' });
  return h('div', { class: 'toolbar' },
    find, findCount,
    button('Expand all', 'expand-all', () => waterfall.expandAll()),
    button('Collapse all', 'collapse-all', () => waterfall.collapseAll()),
    button('Copy trace ID', 'copy-id', () => {
      navigator.clipboard?.writeText(model.traceId).then(() => (copied.textContent = 'copied'), () => (copied.textContent = model.traceId));
    }),
    copied,
    button('Jaeger JSON', 'download-jaeger', () =>
      download(`trace-${model.traceId}.json`, JSON.stringify({ data: [trace] }, null, 2)), 'download the trace as Jaeger JSON'),
    stored
      ? button('OTLP JSON', 'download-otlp', () => void api.otlpTrace(model.traceId).then((text) =>
        download(`trace-${model.traceId}.otlp.json`, JSON.stringify(JSON.parse(text).result, null, 2))), 'download the trace as OTLP JSON')
      : null,
    h('span', { class: 'legend' }, h('span', { class: 'legend-critical' }), 'critical path'));
}
