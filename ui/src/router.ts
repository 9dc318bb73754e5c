// Navigation without page loads: internal links and form submissions push a URL, and the page drawn is
// always the one the URL names, so back, forward and shared links show the same views.
type Renderer = () => void;
let render: Renderer = () => {};

export function startRouter(renderer: Renderer): void {
  render = renderer;
  window.addEventListener('popstate', () => render());
  document.addEventListener('click', (e) => {
    const a = (e.target as Element).closest?.('a[data-nav]') as HTMLAnchorElement | null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href')!);
  });
  render();
}

export function navigate(url: string): void {
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  render();
}

/** Changes the URL to match the view (a search in the trace) without a new history entry or a redraw. */
export function replaceUrl(url: string): void {
  history.replaceState(null, '', url);
}
