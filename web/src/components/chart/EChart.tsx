import { useEffect, useRef } from 'react';
import { init } from './echarts.ts';
import type { ChartProps } from './Chart.tsx';

const TEXT = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#1a1a1a' };

type Instance = ReturnType<typeof init>;

/** A viewBox, so the SVG scales to any width (the printed page) without a redraw. */
function fitViewBox(c: Instance, root: HTMLElement) {
  root.querySelector('svg')?.setAttribute('viewBox', `0 0 ${c.getWidth()} ${c.getHeight()}`);
}

export default function EChart({ option, height, label }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);

  useEffect(() => {
    const root = el.current!;
    const c = init(root, undefined, { renderer: 'svg' });
    chart.current = c;
    const fit = () => fitViewBox(c, root);
    c.on('finished', fit);
    const resize = () => c.resize();
    const ro = new ResizeObserver(resize);
    ro.observe(root);
    // Print scales the SVG by its viewBox (styles.css); where the browser says it prints, a redraw sharpens it.
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      ro.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption({ textStyle: TEXT, animation: false, ...option }, { notMerge: true });
    fitViewBox(c, el.current!);
  }, [option]);

  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} />;
}
