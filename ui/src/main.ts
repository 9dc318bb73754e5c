// The UI's entry: the top bar, and the page the URL names, drawn again on every navigation.
import { h, link } from './dom';
import { parseRoute, traceUrl } from './model/routes';
import { hasQuery } from './model/search';
import { navigate, startRouter } from './router';
import { comparePage } from './views/comparePage';
import { dependenciesPage } from './views/dependenciesPage';
import { openFileButton } from './views/openFile';
import { searchPage } from './views/searchPage';
import { tracePage } from './views/tracePage';

const main = h('main', { id: 'page' });
const traceJump = h('input', { id: 'jump', placeholder: 'Lookup by trace ID…' });
const jumpForm = h('form', { class: 'jump' }, traceJump);
jumpForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const id = traceJump.value.trim();
  if (id) {
    traceJump.value = '';
    navigate(traceUrl(id));
  }
});
document.body.append(
  h('nav', { class: 'topbar' },
    link('/search', h('strong', { class: 'brand' }, 'Ariadne')),
    link('/search', 'Search'),
    link('/dependencies', 'Dependencies'),
    jumpForm,
    openFileButton()),
  main);

let leave = () => {};

function draw(): void {
  leave();
  leave = () => {};
  const route = parseRoute(location.pathname, location.search);
  document.title = `Ariadne · ${route.page}`;
  switch (route.page) {
    case 'search':
      return searchPage(main, route.search, hasQuery(route.search));
    case 'trace':
      leave = tracePage(main, route.traceId, route.uiFind);
      return;
    case 'compare':
      return comparePage(main, route.a, route.b);
    case 'dependencies':
      return dependenciesPage(main, route.lookback);
    case 'notFound':
      main.replaceChildren(h('p', { class: 'error-message' }, `No page at ${route.path}.`));
  }
}

startRouter(draw);
