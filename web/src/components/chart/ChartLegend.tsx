/**
 * One entry of a chart's legend: a line (with its dash and marker), a marker alone, or a filled band,
 * in the series' colour, so that a series is told apart by more than its colour.
 */
export type ChartLegendItem = {
  label: string;
  colour: string;
  /** The series' line: ECharts' 'solid', 'dashed', 'dotted' or a dash array; none for points or a band. */
  line?: 'solid' | 'dashed' | 'dotted' | readonly number[];
  marker?: 'circle' | 'diamond' | 'triangle' | 'rect';
  /** A filled area (an interval band, a shaded period) instead of a line. */
  band?: boolean;
  /** A marker with a dark outline (the highlighted point). */
  outline?: string;
};

const DASHES = { solid: undefined, dashed: '5 3', dotted: '2 2' } as const;

function Marker({ shape, colour, outline }: { shape: NonNullable<ChartLegendItem['marker']>; colour: string; outline?: string }) {
  const stroke = outline ? { stroke: outline, strokeWidth: 2 } : {};
  if (shape === 'circle') return <circle cx={14} cy={7} r={4} fill={colour} {...stroke} />;
  if (shape === 'rect') return <rect x={10} y={3} width={8} height={8} fill={colour} {...stroke} />;
  if (shape === 'diamond') return <polygon points="14,2 19,7 14,12 9,7" fill={colour} {...stroke} />;
  return <polygon points="14,2 19,11 9,11" fill={colour} {...stroke} />;
}

/**
 * A chart's legend as HTML beside the chart rather than inside it: it wraps onto as many lines as the
 * screen needs, so no entry is ever paged away (ECharts' scroll legend showed "1/2" on a phone), and it
 * prints as text.
 */
export function ChartLegend({ items, label = 'Legenda' }: { items: ChartLegendItem[]; label?: string }) {
  return (
    <ul className="chart-legend" aria-label={label} data-testid="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
            {item.band ? (
              <rect x={1} y={1} width={26} height={12} fill={item.colour} />
            ) : (
              item.line && (
                <line
                  x1={1}
                  y1={7}
                  x2={27}
                  y2={7}
                  stroke={item.colour}
                  strokeWidth={item.line === 'solid' ? 3 : 2}
                  strokeDasharray={typeof item.line === 'string' ? DASHES[item.line] : item.line.join(' ')}
                />
              )
            )}
            {item.marker && <Marker shape={item.marker} colour={item.colour} outline={item.outline} />}
          </svg>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
