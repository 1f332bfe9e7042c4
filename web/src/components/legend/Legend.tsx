import type { LegendItem } from '../../lib/scale.ts';

/** Map legend: colour patches with their classes, plus optional outline and no-data entries. */
export function Legend({ title, items, extra = [] }: { title: string; items: LegendItem[]; extra?: (LegendItem & { outline?: boolean })[] }) {
  return (
    <figure className="legend" aria-label={`Legenda: ${title}`}>
      <figcaption className="legend__title">{title}</figcaption>
      <ul>
        {[...items, ...extra].map((item) => (
          <li key={item.label}>
            <span
              className="legend__swatch"
              aria-hidden="true"
              style={'outline' in item && item.outline ? { background: '#fff', border: `3px solid ${item.colour}` } : { background: item.colour }}
            />
            <span>
              {item.label}
              {item.detail && <span className="legend__detail"> ({item.detail})</span>}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
