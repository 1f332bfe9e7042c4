import { useEffect, useRef } from 'react';
import { init, type ChartOption } from './echarts.ts';
import type { ChartProps } from './Chart.tsx';

const TEXT = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#1a1a1a' };

export default function EChart({ option, height, label }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const c = init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = () => c.resize();
    const ro = new ResizeObserver(resize);
    ro.observe(el.current!);
    // Print gets its own layout width: redraw before and after.
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
    chart.current?.setOption({ textStyle: TEXT, animation: false, ...(option as ChartOption) }, { notMerge: true });
  }, [option]);

  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} />;
}
