// /trace/{a}...{b}: two traces as one merged tree. Each row is a place in the call tree (a service and
// operation under the same path); it says whether that place is in A only, B only or both, and for
// both, how its mean duration changed.
import * as api from '../api';
import { h, link } from '../dom';
import { serviceColor } from '../model/colors';
import { MergedNode, flattenMerged, mergeTraces } from '../model/compare';
import { formatDuration } from '../model/format';
import { openedTrace } from '../localTraces';
import { compareUrl, normalizeTraceId, traceUrl } from '../model/routes';
import { buildTrace } from '../model/trace';
import { navigate } from '../router';

export function comparePage(root: HTMLElement, a: string, b: string): void {
  const load = (id: string) => {
    const local = openedTrace(id);
    return local ? Promise.resolve(local) : api.trace(id);
  };
  const inputA = h('input', { id: 'compare-a', value: a, placeholder: 'trace A' });
  const inputB = h('input', { id: 'compare-b', value: b, placeholder: 'trace B' });
  const form = h('form', { class: 'toolbar' }, 'A ', inputA, ' B ', inputB, h('button', { type: 'submit' }, 'Compare'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(compareUrl(normalizeTraceId(inputA.value.trim()), normalizeTraceId(inputB.value.trim())));
  });
  const body = h('div', null, h('p', { class: 'hint' }, 'Loading both traces…'));
  root.replaceChildren(h('div', { class: 'compare-page' }, h('h1', null, 'Compare traces'), form, body));
  Promise.all([load(a), load(b)]).then(([ta, tb]) => {
    const rows = flattenMerged(mergeTraces(buildTrace(ta), buildTrace(tb)));
    const count = (p: MergedNode['presence']) => rows.filter((r) => r.presence === p).length;
    body.replaceChildren(
      h('p', { class: 'legend', id: 'compare-summary' },
        h('span', { class: 'only-a-swatch' }), `only in A: ${count('onlyA')} `,
        h('span', { class: 'only-b-swatch' }), `only in B: ${count('onlyB')} `,
        `in both: ${count('both')}`),
      h('table', { class: 'compare', id: 'compare-table' },
        h('thead', null, h('tr', null,
          h('th', null, 'Service & operation'),
          h('th', null, link(traceUrl(a), `A ${a.slice(0, 7)}`)),
          h('th', null, link(traceUrl(b), `B ${b.slice(0, 7)}`)),
          h('th', null, 'Change'))),
        h('tbody', null, rows.map(compareRow))));
  }, (e: Error) => body.replaceChildren(h('p', { class: 'error-message' }, e.message)));
}

function compareRow(n: MergedNode): HTMLElement {
  const side = (spans: number, mean: number) => spans ? `${formatDuration(mean)}${spans > 1 ? ` ×${spans}` : ''}` : '—';
  const change = n.presence === 'both' ? n.meanB - n.meanA : null;
  const percent = change !== null && n.meanA ? ` (${change >= 0 ? '+' : ''}${Math.round((change / n.meanA) * 100)}%)` : '';
  return h('tr', { class: `compare-row ${n.presence}` },
    h('td', { style: `padding-left:${Math.min(n.depth, 30) * 14 + 6}px` },
      h('span', { class: 'svc-swatch', style: `background:${serviceColor(n.service)}` }),
      h('span', { class: 'svc' }, n.service), ' ', n.operation),
    h('td', null, side(n.a.length, n.meanA)),
    h('td', null, side(n.b.length, n.meanB)),
    h('td', { class: !change ? '' : change > 0 ? 'slower' : 'faster' },
      n.presence === 'onlyA' ? 'only in A' : n.presence === 'onlyB' ? 'only in B'
        : `${change! >= 0 ? '+' : '−'}${formatDuration(Math.abs(change!))}${percent}`));
}
