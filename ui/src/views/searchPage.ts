// /search: the form on the left; on the right, for the search the URL names, the scatter plot and the list.
import * as api from '../api';
import { h } from '../dom';
import { buildTrace } from '../model/trace';
import { SearchState, searchRequest, searchToParams } from '../model/search';
import { summarizeTrace } from '../model/summary';
import { traceUrl } from '../model/routes';
import { navigate } from '../router';
import { resultList } from './resultList';
import { scatterPlot } from './scatterPlot';
import { searchForm } from './searchForm';

export function searchPage(root: HTMLElement, state: SearchState, hasQuery: boolean): void {
  const results = h('div', { class: 'search-results' });
  root.replaceChildren(h('div', { class: 'search-page' },
    h('aside', { class: 'search-side' }, searchForm(state, (s) => navigate(`/search?${searchToParams(s, Date.now())}`))),
    results));
  if (!hasQuery) {
    results.append(h('p', { class: 'hint' }, 'Choose a service, or write a TraceQL query, and find traces.'));
    return;
  }
  results.append(h('p', { class: 'hint' }, 'Searching…'));
  api.searchTraces(searchRequest(state, Date.now())).then((traces) => {
    const summaries = traces.map((t) => summarizeTrace(buildTrace(t)));
    results.replaceChildren(
      scatterPlot(summaries, (id) => navigate(traceUrl(id))),
      summaries.length ? resultList(summaries) : h('p', { class: 'hint', id: 'no-results' }, 'No trace matches.'));
  }, (e: Error) => results.replaceChildren(h('p', { class: 'error-message' }, e.message)));
}
