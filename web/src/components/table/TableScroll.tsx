import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A table scrolls sideways in its own box, never the page. When it is wider than the box, a hint
 * says so, and the box takes keyboard focus so arrow keys scroll it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const el = box.current!;
    const check = () => setWide(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return (
    <>
      {wide && (
        <p className="table-hint" data-testid="table-hint">
          Deze tabel is breder dan het scherm: scroll opzij voor alle kolommen.
        </p>
      )}
      <div
        ref={box}
        className={wide ? 'table-wrap table-wrap--wide' : 'table-wrap'}
        {...(wide ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrollbaar)` } : {})}
      >
        {children}
      </div>
    </>
  );
}
