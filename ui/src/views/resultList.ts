// The search results: a sortable list, each trace with its root, span and error counts, the services it
// touched, its duration and start. Two ticked traces can be compared.
import { h, link } from '../dom';
import { serviceColor } from '../model/colors';
import { formatAge, formatDuration, formatTime } from '../model/format';
import { compareUrl, traceUrl } from '../model/routes';
import { SORTS, SortOrder, TraceSummary, sortSummaries } from '../model/summary';
import { navigate } from '../router';

export function resultList(traces: TraceSummary[]): HTMLElement {
  let order: SortOrder = 'recent';
  const ticked = new Set<string>();
  const rows = h('ol', { class: 'results', id: 'results' });
  const compare = h('button', { type: 'button', id: 'compare-selected', disabled: true }, 'Compare 2 selected');
  compare.addEventListener('click', () => {
    const [a, b] = [...ticked];
    navigate(compareUrl(a, b));
  });
  const sort = h('select', { id: 'sort' }, Object.entries(SORTS).map(([k, v]) => h('option', { value: k }, v)));
  sort.addEventListener('change', () => {
    order = sort.value as SortOrder;
    draw();
  });
  const draw = () => rows.replaceChildren(...sortSummaries(traces, order).map((t) => row(t, ticked, () => {
    compare.disabled = ticked.size !== 2;
  })));
  draw();
  return h('section', { class: 'result-list' },
    h('div', { class: 'result-bar' },
      h('strong', { id: 'result-count' }, `${traces.length} trace${traces.length === 1 ? '' : 's'}`),
      h('label', null, 'Sort ', sort), compare),
    rows);
}

function row(t: TraceSummary, ticked: Set<string>, changed: () => void): HTMLLIElement {
  const tick = h('input', { type: 'checkbox', title: 'select to compare', checked: ticked.has(t.traceId) });
  tick.addEventListener('change', () => {
    if (tick.checked) ticked.add(t.traceId);
    else ticked.delete(t.traceId);
    changed();
  });
  return h('li', { class: 'result', 'data-trace-id': t.traceId },
    h('div', { class: 'result-head' },
      tick,
      link(traceUrl(t.traceId),
        h('span', { class: 'svc-dot', style: `background:${serviceColor(t.rootService)}` }),
        h('strong', null, `${t.rootService}: ${t.rootOperation}`),
        h('span', { class: 'trace-id' }, t.traceId.slice(0, 7))),
      h('span', { class: 'duration' }, formatDuration(t.duration))),
    h('div', { class: 'result-body' },
      h('span', { class: 'badge' }, `${t.spanCount} span${t.spanCount === 1 ? '' : 's'}`),
      t.errorCount ? h('span', { class: 'badge error' }, `${t.errorCount} error${t.errorCount === 1 ? '' : 's'}`) : null,
      h('span', { class: 'services' }, t.services.map(([name, count]) =>
        h('span', { class: 'svc', style: `border-color:${serviceColor(name)}` }, `${name} (${count})`))),
      h('span', { class: 'when', title: formatTime(t.start) }, `${formatTime(t.start)} · ${formatAge(t.start, Date.now())}`)));
}
