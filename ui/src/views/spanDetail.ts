// The selected span's details: its service, operation, kind, status and times; attributes grouped by
// span, resource and instrumentation scope; events; links (to other traces too); warnings.
import { h, link } from '../dom';
import { formatDuration, formatTime } from '../model/format';
import { JaegerTag } from '../model/jaeger';
import { traceUrl } from '../model/routes';
import { SpanNode, TraceModel } from '../model/trace';

/** Tags Jaeger derives from OTel fields: shown as kind, status and scope rather than as span attributes. */
const STATUS_KEYS = new Set(['span.kind', 'otel.status_code', 'otel.status_description', 'error']);
const SCOPE_KEYS = new Set(['otel.scope.name', 'otel.scope.version', 'otel.library.name', 'otel.library.version']);

export function spanDetail(node: SpanNode, model: TraceModel, close: () => void): HTMLElement {
  const tags = node.span.tags ?? [];
  const value = (key: string) => tags.find((t) => t.key === key)?.value;
  const status = value('otel.status_code') ?? (node.error ? 'ERROR' : 'UNSET');
  const description = value('otel.status_description');
  const closeButton = h('button', { class: 'close', title: 'close (Esc)' }, '×');
  closeButton.addEventListener('click', close);
  const offset = node.start - model.start;
  return h('aside', { class: 'span-detail', id: 'span-detail' },
    h('header', null, closeButton,
      h('h2', null, node.operation),
      h('div', { class: 'muted' }, node.service)),
    h('dl', { class: 'facts' },
      fact('Span ID', node.id),
      fact('Kind', node.kind || 'unspecified'),
      fact('Status', `${status}${description ? `: ${description}` : ''}`, status === 'ERROR' ? 'error' : ''),
      fact('Start', `${formatTime(node.start)} (+${formatDuration(offset)})`),
      fact('Duration', formatDuration(node.duration)),
      node.start !== node.span.startTime ? fact('Recorded start', formatTime(node.span.startTime)) : null),
    node.warnings.length
      ? h('section', { class: 'warnings' }, h('h3', null, 'Warnings'), h('ul', null, node.warnings.map((w) => h('li', null, w))))
      : null,
    group('Span attributes', tags.filter((t) => !STATUS_KEYS.has(t.key) && !SCOPE_KEYS.has(t.key)), 'attributes-span'),
    group('Resource attributes', [{ key: 'service.name', value: node.service }, ...(node.process.tags ?? [])], 'attributes-resource'),
    group('Instrumentation scope', tags.filter((t) => SCOPE_KEYS.has(t.key)), 'attributes-scope'),
    events(node),
    links(node, model));
}

function fact(term: string, text: string, cls = ''): HTMLElement[] {
  return [h('dt', null, term), h('dd', { class: cls }, text)];
}

function group(title: string, tags: JaegerTag[], id: string): HTMLElement | null {
  if (!tags.length) return null;
  return h('section', { id },
    h('h3', null, title),
    h('table', { class: 'attributes' }, tags.map((t) =>
      h('tr', null, h('th', null, t.key), h('td', null, String(t.value))))));
}

function events(node: SpanNode): HTMLElement | null {
  const logs = node.span.logs ?? [];
  if (!logs.length) return null;
  return h('section', { id: 'span-events' },
    h('h3', null, `Events (${logs.length})`),
    h('ol', { class: 'events' }, logs.map((log) => {
      const name = log.fields.find((f) => f.key === 'event')?.value;
      return h('li', null,
        // Offsets from the span's recorded start: events keep their place in a span moved for clock skew.
        h('strong', null, `+${formatDuration(log.timestamp - node.span.startTime)} ${name ?? ''}`),
        h('table', { class: 'attributes' }, log.fields.filter((f) => f.key !== 'event').map((f) =>
          h('tr', null, h('th', null, f.key), h('td', null, String(f.value))))));
    })));
}

function links(node: SpanNode, model: TraceModel): HTMLElement | null {
  const refs = (node.span.references ?? []).filter((r) => r.traceID !== node.span.traceID || r.spanID !== node.parent?.id);
  if (!refs.length) return null;
  return h('section', { id: 'span-links' },
    h('h3', null, `Links (${refs.length})`),
    h('ul', null, refs.map((r) => {
      const here = r.traceID === model.traceId && model.byId.has(r.spanID);
      return h('li', null, `${r.refType} `,
        link(traceUrl(r.traceID, r.spanID), here ? `span ${r.spanID} in this trace` : `trace ${r.traceID}, span ${r.spanID}`));
    })));
}
