// The waterfall: the span tree with a bar per span on the trace's time axis (or the minimap's window of
// it), service colours, the critical path drawn darker on the bars, events as ticks. Rows have one fixed
// height and only those in view (and a few either side) are in the DOM, so 10,000 spans scroll smoothly.
import { h } from '../dom';
import { serviceColor } from '../model/colors';
import { Segment } from '../model/criticalPath';
import { formatDuration } from '../model/format';
import { allParents, ancestors, visibleRows } from '../model/rows';
import { SpanNode, TraceModel } from '../model/trace';

const ROW_HEIGHT = 24;
const OVERSCAN = 10;
const TICKS = 5;

export class Waterfall {
  readonly el: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly axis: HTMLElement;
  private rows: SpanNode[] = [];
  private collapsed = new Set<string>();
  private matches = new Set<string>();
  private selected: string | null = null;
  /** The shown time window, as fractions of the trace's duration. */
  private view: [number, number] = [0, 1];
  private frame = 0;
  private painted = false;

  constructor(
    private readonly model: TraceModel,
    private readonly critical: Map<string, Segment[]>,
    private readonly onSelect: (node: SpanNode | null) => void,
  ) {
    this.axis = h('div', { class: 'wf-axis' });
    this.spacer = h('div', { class: 'wf-spacer' });
    this.scroller = h('div', { class: 'wf-scroll', id: 'waterfall-rows', tabindex: 0 }, this.spacer);
    this.scroller.addEventListener('scroll', () => this.schedule());
    this.spacer.addEventListener('click', (e) => this.clicked(e));
    this.el = h('section', { class: 'waterfall', id: 'waterfall' },
      h('div', { class: 'wf-head' }, h('div', { class: 'wf-name' }, 'Service & operation'), this.axis),
      this.scroller);
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.refresh();
  }

  get selectedId(): string | null {
    return this.selected;
  }

  setView(from: number, to: number): void {
    this.view = [from, to];
    this.draw();
  }

  setMatches(matches: Set<string>): void {
    this.matches = matches;
    this.draw();
  }

  select(id: string | null, scrollTo = true): void {
    this.selected = id;
    const node = id ? this.model.byId.get(id) ?? null : null;
    if (node && ancestors(node).some((a) => this.collapsed.has(a.id))) {
      for (const a of ancestors(node)) this.collapsed.delete(a.id);
      this.refresh();
    }
    if (node && scrollTo) this.scrollToRow(this.rows.indexOf(node));
    this.draw();
    this.onSelect(node);
  }

  /** Moves the selection by {@code delta} rows. */
  move(delta: number): void {
    const at = this.selected ? this.rows.findIndex((n) => n.id === this.selected) : -1;
    const next = this.rows[Math.max(0, Math.min(this.rows.length - 1, at + delta))];
    if (next) this.select(next.id);
  }

  setCollapsed(id: string, collapse: boolean): void {
    const node = this.model.byId.get(id);
    if (!node?.children.length || this.collapsed.has(id) === collapse) return;
    if (collapse) this.collapsed.add(id);
    else this.collapsed.delete(id);
    this.refresh();
  }

  expandAll(): void {
    this.collapsed.clear();
    this.refresh();
  }

  collapseAll(): void {
    this.collapsed = allParents(this.model);
    this.refresh();
  }

  focus(): void {
    this.scroller.focus({ preventScroll: true });
  }

  private refresh(): void {
    this.rows = visibleRows(this.model, this.collapsed);
    this.spacer.style.height = `${this.rows.length * ROW_HEIGHT}px`;
    this.draw();
  }

  private scrollToRow(index: number): void {
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    const height = this.scroller.clientHeight;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > this.scroller.scrollTop + height) this.scroller.scrollTop = top + ROW_HEIGHT - height;
  }

  private schedule(): void {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw();
      });
    }
  }

  private draw(): void {
    const top = this.scroller.scrollTop;
    const height = this.scroller.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const out: HTMLElement[] = [];
    for (let i = first; i < last; i++) out.push(this.row(this.rows[i], i));
    this.spacer.replaceChildren(...out);
    this.drawAxis();
    if (!this.painted && out.length) {
      this.painted = true;
      // bench/ui.sh reads these: the first rows are in the DOM, then the frame that shows them was drawn.
      performance.mark('ariadne:waterfall-rendered');
      requestAnimationFrame(() => setTimeout(() => performance.mark('ariadne:waterfall-painted')));
    }
  }

  private drawAxis(): void {
    const [from, to] = this.view;
    const ticks: HTMLElement[] = [];
    for (let i = 0; i < TICKS; i++) {
      const f = i / (TICKS - 1);
      ticks.push(h('span', { class: 'tick', style: `left:${f * 100}%` },
        formatDuration((from + (to - from) * f) * this.model.duration)));
    }
    this.axis.replaceChildren(...ticks);
  }

  /** A time in µs as a percentage of the shown window's width. */
  private x(micros: number): number {
    const [from, to] = this.view;
    const span = (to - from) * this.model.duration || 1;
    return ((micros - this.model.start - from * this.model.duration) / span) * 100;
  }

  private row(node: SpanNode, index: number): HTMLElement {
    const color = serviceColor(node.service);
    const left = this.x(node.start);
    const width = Math.max(this.x(node.start + node.duration) - left, 0.1);
    const bar = h('div', { class: 'wf-bar', style: `left:${left}%;width:${width}%;background:${color}` });
    for (const seg of this.critical.get(node.id) ?? []) {
      const segLeft = node.duration ? ((seg.start - node.start) / node.duration) * 100 : 0;
      const segWidth = node.duration ? ((seg.end - seg.start) / node.duration) * 100 : 100;
      bar.append(h('div', { class: 'wf-critical', style: `left:${segLeft}%;width:${segWidth}%` }));
    }
    const events = (node.span.logs ?? []).map((log) =>
      // An event moves with its span when clock skew moved the span.
      h('span', { class: 'wf-event', style: `left:${this.x(log.timestamp + node.start - node.span.startTime)}%` }));
    const label = h('span', { class: 'wf-label', style: left + width > 80 ? `right:${100 - left}%` : `left:${left + width}%` },
      formatDuration(node.duration));
    const classes = ['wf-row', node.id === this.selected && 'selected', this.matches.has(node.id) && 'match', node.error && 'error']
      .filter(Boolean).join(' ');
    return h('div', { class: classes, style: `top:${index * ROW_HEIGHT}px`, 'data-span-id': node.id },
      h('div', { class: 'wf-name', style: `padding-left:${Math.min(node.depth, 40) * 14 + 4}px`, title: `${node.service}: ${node.operation}` },
        node.children.length
          ? h('button', { class: 'toggle', 'data-toggle': node.id, 'aria-label': 'expand or collapse' }, this.collapsed.has(node.id) ? '▸' : '▾')
          : h('span', { class: 'toggle-space' }),
        h('span', { class: 'svc-swatch', style: `background:${color}` }),
        node.error ? h('span', { class: 'error-icon', title: 'error' }, '!') : null,
        node.warnings.length ? h('span', { class: 'warn-icon', title: node.warnings.join('\n') }, '⚠') : null,
        h('span', { class: 'svc' }, node.service),
        h('span', { class: 'op' }, node.operation)),
      h('div', { class: 'wf-timeline' }, bar, ...events, label));
  }

  private clicked(e: Event): void {
    const target = e.target as HTMLElement;
    const toggle = target.closest('[data-toggle]');
    if (toggle) {
      const id = toggle.getAttribute('data-toggle')!;
      this.setCollapsed(id, !this.collapsed.has(id));
      return;
    }
    const id = target.closest('[data-span-id]')?.getAttribute('data-span-id');
    // A click on the selected span closes its details, as in Jaeger UI.
    if (id) this.select(id === this.selected ? null : id, false);
  }
}
