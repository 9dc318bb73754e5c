// The trace page's header: the root's service and operation, when it started, how long it took, the
// services (with span counts), depth, span and error counts, and the trace's warnings.
import { h } from '../dom';
import { serviceColor } from '../model/colors';
import { formatDuration, formatTime } from '../model/format';
import { TraceModel, rootSpan } from '../model/trace';

export function traceHeader(model: TraceModel): HTMLElement {
  const root = rootSpan(model);
  const warnings = model.spans.reduce((n, s) => n + (s.warnings.length ? 1 : 0), 0);
  return h('header', { class: 'trace-header', id: 'trace-header' },
    h('h1', null,
      h('span', { class: 'svc-swatch', style: `background:${serviceColor(root?.service ?? '')}` }),
      `${root?.service ?? '?'}: ${root?.operation ?? '?'}`,
      h('span', { class: 'trace-id', id: 'trace-id' }, model.traceId)),
    h('dl', { class: 'trace-facts' },
      item('Start', formatTime(model.start)),
      item('Duration', formatDuration(model.duration)),
      item('Services', String(model.services.size)),
      item('Depth', String(model.depth)),
      item('Spans', String(model.spans.length), 'span-count'),
      item('Errors', String(model.errorCount), 'error-count'),
      warnings ? item('Spans with warnings', String(warnings)) : null),
    h('div', { class: 'services' }, [...model.services].map(([name, count]) =>
      h('span', { class: 'svc', style: `border-color:${serviceColor(name)}` }, `${name} (${count})`))),
    (model.trace.warnings ?? []).length ? h('ul', { class: 'warnings' }, model.trace.warnings!.map((w) => h('li', null, w))) : null);
}

function item(term: string, value: string, id?: string): HTMLElement {
  return h('div', null, h('dt', null, term), h('dd', { id }, value));
}
