// The minimap: the whole trace drawn small on a canvas; drag across it to zoom the waterfall into that
// time window, double-click to see the whole trace again.
import { h } from '../dom';
import { serviceColor } from '../model/colors';
import { TraceModel } from '../model/trace';

const HEIGHT = 64;

export function minimap(model: TraceModel, onWindow: (from: number, to: number) => void): HTMLElement {
  const canvas = h('canvas', { class: 'minimap-canvas', height: HEIGHT });
  const shade = h('div', { class: 'minimap-window', hidden: true });
  const el = h('div', { class: 'minimap', id: 'minimap', title: 'drag to zoom, double-click to reset' }, canvas, shade);
  const draw = () => {
    const width = (canvas.width = Math.max(1, Math.floor(el.clientWidth * devicePixelRatio)));
    canvas.height = HEIGHT * devicePixelRatio;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const rowHeight = Math.max(1, (HEIGHT * devicePixelRatio) / Math.max(1, model.spans.length));
    const scale = width / (model.duration || 1);
    model.spans.forEach((node, i) => {
      ctx.fillStyle = serviceColor(node.service);
      ctx.fillRect((node.start - model.start) * scale, i * rowHeight, Math.max(1, node.duration * scale), Math.max(1, rowHeight - 0.5));
    });
  };
  new ResizeObserver(draw).observe(el);

  // Pointer capture keeps the drag's events coming to the minimap when the pointer leaves it.
  let anchor: number | null = null;
  const fraction = (e: PointerEvent) => {
    const r = el.getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
  };
  const show = (a: number, b: number) => {
    shade.hidden = false;
    shade.style.left = `${Math.min(a, b) * 100}%`;
    shade.style.width = `${Math.abs(b - a) * 100}%`;
  };
  el.addEventListener('pointerdown', (e) => {
    anchor = fraction(e);
    el.setPointerCapture(e.pointerId);
    e.preventDefault();
  });
  el.addEventListener('pointermove', (e) => {
    if (anchor !== null) show(anchor, fraction(e));
  });
  el.addEventListener('pointerup', (e) => {
    if (anchor === null) return;
    const end = fraction(e);
    const [from, to] = [Math.min(anchor, end), Math.max(anchor, end)];
    anchor = null;
    if (to - from < 0.002) return; // a click, not a drag
    show(from, to);
    onWindow(from, to);
  });
  el.addEventListener('dblclick', () => {
    shade.hidden = true;
    onWindow(0, 1);
  });
  return el;
}
