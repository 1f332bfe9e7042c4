import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useMe, useSignOut } from '../../api/me.ts';
import { useSources } from '../../api/hooks.ts';
import { sourcesInWords, useLoadedSources } from '../../api/provenance.ts';
import { useSyntheticBanner } from '../../lib/banner.ts';

const NAV = [
  { to: '/', label: 'Kaart', end: true },
  { to: '/regio', label: 'Regio' },
  { to: '/gemeente', label: 'Gemeente' },
  { to: '/vergelijken', label: 'Wijken vergelijken' },
  { to: '/data', label: 'Data' },
];

export function Layout() {
  // /sources names the loaded datasets from the start; every later answer (values, profile, compare) may name newer ones.
  useSources();
  const sources = useLoadedSources();
  const banner = useSyntheticBanner();
  const synthetic = banner === true;
  return (
    <>
      <a className="skip-link" href="#inhoud">
        Direct naar de inhoud
      </a>
      <header className="site-header no-print">
        <div className="site-header__inner">
          <p className="site-title">
            <span className="site-title__name">Gelijke Kansen Alliantie</span>
            <span className="site-title__sub">Dashboard onderwijskansen</span>
          </p>
          <nav aria-label="Hoofdmenu">
            <ul className="nav">
              {NAV.map((n) => (
                <li key={n.to}>
                  <NavLink to={n.to} end={n.end}>
                    {n.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Account />
        </div>
      </header>
      {/* data-banner: whether the view has decided on the banner yet, so a test can wait for it instead of sleeping. */}
      <main id="inhoud" tabIndex={-1} data-banner={banner === null ? 'open' : banner ? 'getoond' : 'geen'}>
        {synthetic && (
          <div className="synthetic-banner" role="note" data-testid="synthetic-banner">
            <strong>Demodata:</strong> de cijfers op deze pagina zijn synthetisch (gegenereerd voor demonstratie) en zeggen niets over echte leerlingen, wijken
            of gemeenten.
          </div>
        )}
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Bronnen: CBS (Wijken en Buurten, stedelijkheid, onderwijsindicatoren), Kadaster/PDOK (gebiedsgrenzen), DUO (open onderwijsdata).
          {sources && sources.length > 0 && <> Geladen: {sourcesInWords(sources).join('; ')}.</>}
        </p>
        <p className="no-print">
          <a href="/api/docs">API-documentatie</a> · Open source (EUPL-1.2)
        </p>
      </footer>
    </>
  );
}

/** Inloggen, or who is signed in with Uitloggen; the public pages are the same either way. */
function Account() {
  const me = useMe();
  const signOut = useSignOut();
  const { pathname, search } = useLocation();
  if (me.data)
    return (
      <p className="account">
        <span className="account__who">{me.data.email}</span>{' '}
        <button type="button" className="link-button" onClick={() => void signOut(me.data!.csrfToken)}>
          Uitloggen
        </button>
      </p>
    );
  if (pathname === '/inloggen') return null;
  return (
    <p className="account">
      <Link to={`/inloggen?terug=${encodeURIComponent(pathname + search)}`}>Inloggen</Link>
    </p>
  );
}
