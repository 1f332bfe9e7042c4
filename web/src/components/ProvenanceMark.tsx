import { provenanceLabel } from '@gka/shared';

/**
 * Beside a figure: 'synthetisch' or 'echte cijfers (DUO)', as the API decided for its indicator. In
 * words (never colour alone); synthetic marks also get a dashed border that survives printing.
 */
export function ProvenanceMark({ indicator }: { indicator: { synthetic: boolean; source: string } }) {
  return (
    <span className={`provenance provenance--${indicator.synthetic ? 'synthetic' : 'real'}`} data-testid="provenance" data-synthetic={indicator.synthetic}>
      {provenanceLabel(indicator)}
    </span>
  );
}
