// The search form: service and operation from the API, span kind, logfmt tags, or a TraceQL query
// instead; lookback or a custom range; duration bounds; limit.
import * as api from '../api';
import { h } from '../dom';
import { parseLogfmt } from '../model/logfmt';
import { LOOKBACKS, SPAN_KINDS, SearchState, tagsText, timeRange } from '../model/search';

export function searchForm(state: SearchState, submit: (s: SearchState) => void): HTMLFormElement {
  const service = h('select', { name: 'service', id: 'service' }, h('option', { value: '' }, 'loading services…'));
  const operation = h('select', { name: 'operation', id: 'operation' }, h('option', { value: '' }, 'all operations'));
  const spanKind = h('select', { name: 'spanKind' },
    SPAN_KINDS.map((k) => h('option', { value: k, selected: k === state.spanKind }, k || 'any kind')));
  const tags = h('input', { name: 'tags', id: 'tags', value: tagsText(state), placeholder: 'http.status_code=500 error=true' });
  const traceql = h('textarea', { name: 'traceql', id: 'traceql', rows: 2, value: state.traceql,
    placeholder: '{ resource.service.name = "frontend" && span.http.status_code >= 500 }' });
  const lookback = h('select', { name: 'lookback' },
    LOOKBACKS.map((l) => h('option', { value: l, selected: l === state.lookback }, l === 'custom' ? 'custom range' : `last ${l}`)));
  const range = timeRange(state, Date.now());
  const start = h('input', { type: 'datetime-local', name: 'start', step: 1, value: localInput(range.start) });
  const end = h('input', { type: 'datetime-local', name: 'end', step: 1, value: localInput(range.end) });
  const custom = h('div', { class: 'custom-range', hidden: state.lookback !== 'custom' }, label('From', start), label('To', end));
  lookback.addEventListener('change', () => (custom.hidden = lookback.value !== 'custom'));
  const minDuration = h('input', { name: 'minDuration', value: state.minDuration, placeholder: 'e.g. 1.2s, 100ms' });
  const maxDuration = h('input', { name: 'maxDuration', value: state.maxDuration, placeholder: 'e.g. 1.1s' });
  const limit = h('input', { name: 'limit', type: 'number', min: 1, max: 1500, value: state.limit });

  void fillServices(service, operation, state);
  service.addEventListener('change', () => void fillOperations(operation, service.value, ''));

  const form = h('form', { class: 'search-form', id: 'search-form' },
    label('Service', service),
    label('Operation', operation),
    label('Span kind', spanKind),
    label('Tags', tags),
    h('details', { open: !!state.traceql }, h('summary', null, 'TraceQL instead'), traceql),
    label('Lookback', lookback),
    custom,
    h('div', { class: 'pair' }, label('Min duration', minDuration), label('Max duration', maxDuration)),
    label('Limit results', limit),
    h('button', { type: 'submit', class: 'primary', id: 'find-traces' }, 'Find traces'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit({
      service: service.value,
      operation: operation.value,
      spanKind: spanKind.value,
      tags: parseLogfmt(tags.value),
      traceql: traceql.value.trim(),
      lookback: lookback.value,
      start: lookback.value === 'custom' ? fromLocalInput(start.value) : null,
      end: lookback.value === 'custom' ? fromLocalInput(end.value) : null,
      minDuration: minDuration.value.trim(),
      maxDuration: maxDuration.value.trim(),
      limit: Math.max(1, Number(limit.value) || 20),
      traceIds: [],
    });
  });
  return form;
}

function label(text: string, control: HTMLElement): HTMLLabelElement {
  return h('label', null, h('span', null, text), control);
}

async function fillServices(select: HTMLSelectElement, operation: HTMLSelectElement, state: SearchState) {
  try {
    const names = await api.services();
    const chosen = state.service || names[0] || '';
    select.replaceChildren(...names.map((s) => h('option', { value: s, selected: s === chosen }, s)));
    if (!names.length) select.append(h('option', { value: '' }, 'no services yet'));
    await fillOperations(operation, chosen, state.operation);
  } catch (e) {
    select.replaceChildren(h('option', { value: '' }, `cannot list services: ${(e as Error).message}`));
  }
}

async function fillOperations(select: HTMLSelectElement, service: string, chosen: string) {
  const names = service ? await api.operations(service).catch(() => []) : [];
  select.replaceChildren(h('option', { value: '' }, 'all operations'),
    ...names.map((o) => h('option', { value: o, selected: o === chosen }, o)));
}

/** A datetime-local input's value for a time in µs, in the browser's zone. */
function localInput(micros: number): string {
  const d = new Date(micros / 1000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
}

function fromLocalInput(value: string): number | null {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms * 1000;
}
