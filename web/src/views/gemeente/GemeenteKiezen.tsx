import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAreas } from '../../api/hooks.ts';
import { usePageFigures } from '../../lib/banner.ts';
import { GemeenteSelect } from '../../components/controls/GemeenteSelect.tsx';
import { QueryState } from '../../components/status/Status.tsx';

/** `/gemeente` without a code: choose one. A button opens the profile (no navigation on select). */
export function GemeenteKiezen() {
  const areas = useAreas('gemeente');
  // No figures yet: the boundaries decide.
  usePageFigures([]);
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
              if (code) void navigate(`/gemeente/${code}`);
            }}
          >
            <GemeenteSelect gemeenten={d.data} value={code} onChange={setCode} markGka />
            <button type="submit">Toon profiel</button>
          </form>
        )}
      </QueryState>
    </>
  );
}
