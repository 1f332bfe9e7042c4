import { Link } from 'react-router';
import { useAreas } from '../../api/hooks.ts';
import { QueryState } from '../../components/status/Status.tsx';

const SECTORS = [
  { sector: 'po', title: 'Basisscholen' },
  { sector: 'vo', title: 'Scholen voor voortgezet onderwijs' },
] as const;

/**
 * The gemeente's schools beside its wijken: wijken count pupils where they live, schools where they
 * are taught, so the two are listed apart, each school linked to its own page.
 */
export function SchoolList({ gemeente, name }: { gemeente: string; name: string }) {
  const schools = useAreas('school', gemeente);
  return (
    <QueryState query={schools} what="de scholen" isEmpty={(d) => d.data.length === 0} empty={`Voor ${name} zijn geen scholen bekend.`}>
      {(d) => (
        <div className="school-list" data-testid="school-list">
          {SECTORS.map(({ sector, title }) => {
            const list = d.data.filter((s) => s.school?.sector === sector && !s.school.gesloten);
            if (!list.length) return null;
            return (
              <details key={sector}>
                <summary>
                  {title} ({list.length})
                </summary>
                <ul>
                  {list.map((s) => (
                    <li key={s.code}>
                      <Link to={`/school/${s.code}`}>{s.name}</Link>
                      <small> · {[s.school?.adres, s.school?.plaats].filter(Boolean).join(', ')}</small>
                    </li>
                  ))}
                </ul>
              </details>
            );
          })}
          <p>
            Hun cijfers naast elkaar staan op de <Link to={`/gemeente/${gemeente}#scholen-kop`}>pagina van {name}</Link>.
          </p>
        </div>
      )}
    </QueryState>
  );
}
