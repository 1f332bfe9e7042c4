import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAreas, useBoundariesSynthetic } from '../../api/hooks.ts';
import { useSyntheticFigures } from '../../lib/banner.ts';
import { Select } from '../../components/controls/Select.tsx';
import { QueryState } from '../../components/status/Status.tsx';

/** `/gemeente` without a code: choose one. A button opens the profile (no navigation on select). */
export function GemeenteKiezen() {
  const areas = useAreas('gemeente');
  useSyntheticFigures(useBoundariesSynthetic());
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  return (
    <>
      <h1>Gemeenteprofiel</h1>
      <p className="lead">Kies een gemeente voor haar kerncijfers, trend, kansenkloof en wijken.</p>
      <QueryState query={areas} what="de gemeenten" isEmpty={(d) => d.data.length === 0} empty="Er zijn nog geen gemeenten geladen.">
        {(d) => (
          <form
            className="filters"
            onSubmit={(e) => {
              e.preventDefault();
              if (code) navigate(`/gemeente/${code}`);
            }}
          >
            <Select
              label="Gemeente"
              value={code}
              placeholder="Kies een gemeente"
              options={[...d.data]
                .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                .map((a) => ({ value: a.code, label: `${a.name}${a.gka ? ' (GKA)' : ''}` }))}
              onChange={setCode}
              name="gemeente"
            />
            <button type="submit">Toon profiel</button>
          </form>
        )}
      </QueryState>
    </>
  );
}
