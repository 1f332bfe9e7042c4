/** A map's tooltip at (x, y) in the map's box: the area's lines, the first (its name) in bold. */
export function MapTooltip({ lines, x, y }: { lines: string[]; x: number; y: number }) {
  return (
    <div className="map__tooltip" aria-hidden="true" style={{ left: x + 12, top: y + 12 }}>
      {lines.map((line, i) => (i === 0 ? <strong key={i}>{line}</strong> : <div key={i}>{line}</div>))}
    </div>
  );
}
