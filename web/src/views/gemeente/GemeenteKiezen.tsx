import { useNavigate } from 'react-router';
import { useAreas } from '../../api/hooks.ts';
import { Select } from '../../components/controls/Select.tsx';
import { QueryState } from '../../components/status/Status.tsx';

/** `/gemeente` without a code: choose one. */
export function GemeenteKiezen() {
  const areas = useAreas('gemeente');
  const navigate = useNavigate();
  return (
    <>
      <h1>Gemeenteprofiel</h1>
      <p className="lead">Kies een gemeente voor haar kerncijfers, trend, kansenkloof en wijken.</p>
      <QueryState query={areas} what="de gemeenten" isEmpty={(d) => d.data.length === 0} empty="Er zijn nog geen gemeenten geladen.">
        {(d) => (
          <Select
            label="Gemeente"
            value=""
            placeholder="Kies een gemeente"
            options={[...d.data].sort((a, b) => a.name.localeCompare(b.name, 'nl')).map((a) => ({ value: a.code, label: `${a.name}${a.gka ? ' (GKA)' : ''}` }))}
            onChange={(v) => v && navigate(`/gemeente/${v}`)}
            name="gemeente"
          />
        )}
      </QueryState>
    </>
  );
}
