import { lazy, Suspense, useEffect, useState, type ComponentType, type ElementType } from 'react';
import { Link, useLocation, type RouteObject } from 'react-router';
import { useFocusOnNavigation, useRouteTitle } from './lib/page.ts';
import { useBannerResetOn } from './lib/banner.ts';
import { Layout } from './components/layout/Layout.tsx';
import { Loading } from './components/status/Status.tsx';
import { kaartChunk } from './early-start.ts';

/**
 * Every view is a chunk of its own, loaded when its route is first shown: the shell (header, menu,
 * footer) needs none of their tables, charts or map code (the initial-JS budget, web/scripts/bundle-size.ts).
 * Each view has a boundary of its own (the key), so following a link to a view not loaded yet shows the
 * loading status at once, in <main>, rather than leaving the previous page standing under the new URL.
 */
let views = 0;
const view = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, started?: Promise<Record<K, ComponentType>>) => {
  const Lazy = lazy(() => load().then((m): { default: ComponentType } => ({ default: m[name] })));
  let loaded: ComponentType | undefined;
  void started?.then(
    (m) => (loaded = m[name]),
    () => undefined,
  );
  /**
   * A chunk started early (the Kaart's) is waited for outside Suspense: after showing a Suspense
   * fallback React holds the content back for 300 ms (its throttle on revealing content), and that
   * would come on top of the first map. A chunk that fails to load is left to lazy(), and so to the
   * route's error element.
   */
  function Started({ chunk }: { chunk: Promise<Record<K, ComponentType>> }) {
    const [View, setView] = useState<ElementType | undefined>(() => loaded);
    useEffect(() => {
      let current = true;
      if (!View)
        void chunk.then(
          (m) => current && setView(() => m[name]),
          () => current && setView(() => Lazy),
        );
      return () => void (current = false);
    }, [View, chunk]);
    return View ? <View /> : <Loading what="de pagina" />;
  }
  return (
    <Suspense key={++views} fallback={<Loading what="de pagina" />}>
      {started ? <Started chunk={started} /> : <Lazy />}
    </Suspense>
  );
};
const kaart = view(() => import('./views/kaart/KaartView.tsx'), 'KaartView', kaartChunk);

const TITLES: [RegExp, string][] = [
  [/^\/gemeente\/[^/]+\/notitie/, 'Gespreksnotitie'],
  [/^\/gemeente/, 'Gemeente'],
  [/^\/school/, 'School'],
  [/^\/vergelijken/, 'Wijken vergelijken'],
  [/^\/regio/, 'Regio-overzicht'],
  [/^\/data/, 'Data'],
  [/^\/inloggen/, 'Inloggen'],
  [/^\/wachtwoord/, 'Wachtwoord kiezen'],
  [/^\/(kaart)?$/, 'Kaart'],
];

/** The generic title per route (views with a name, such as a gemeente, set their own) and focus after navigation. */
function Page({ children }: { children: React.ReactNode }) {
  const { pathname } = useLocation();
  useRouteTitle(TITLES.find(([re]) => re.test(pathname))?.[1] ?? 'Pagina niet gevonden');
  useFocusOnNavigation();
  useBannerResetOn(pathname);
  return <>{children}</>;
}

function NotFound() {
  return (
    <>
      <h1>Pagina niet gevonden</h1>
      <p>
        Deze pagina bestaat niet. Ga naar de <Link to="/">kaart</Link>.
      </p>
    </>
  );
}

/** A view that failed to load or to render (most often: the app was updated while it was open). */
function LoadError() {
  return (
    <div className="status status--error" role="alert">
      <h1>Deze pagina kon niet worden geladen</h1>
      <p>Misschien is het dashboard net bijgewerkt of is de verbinding weggevallen.</p>
      <button type="button" onClick={() => window.location.reload()}>
        Pagina opnieuw laden
      </button>
    </div>
  );
}

export const routes: RouteObject[] = [
  {
    element: (
      <Page>
        <Layout />
      </Page>
    ),
    children: [
      {
        // A view that fails to load or render replaces only the content of <main>.
        errorElement: <LoadError />,
        children: [
          { index: true, element: kaart },
          { path: 'kaart', element: kaart },
          { path: 'gemeente', element: view(() => import('./views/gemeente/GemeenteKiezen.tsx'), 'GemeenteKiezen') },
          { path: 'gemeente/:code', element: view(() => import('./views/gemeente/GemeenteView.tsx'), 'GemeenteView') },
          { path: 'gemeente/:code/notitie', element: view(() => import('./views/gemeente/NotitieView.tsx'), 'NotitieView') },
          { path: 'school/:code', element: view(() => import('./views/school/SchoolView.tsx'), 'SchoolView') },
          { path: 'regio', element: view(() => import('./views/regio/RegioView.tsx'), 'RegioView') },
          { path: 'vergelijken', element: view(() => import('./views/vergelijken/VergelijkenView.tsx'), 'VergelijkenView') },
          { path: 'data', element: view(() => import('./views/databouwer/DataView.tsx'), 'DataView') },
          { path: 'inloggen', element: view(() => import('./views/werkruimte/InloggenView.tsx'), 'InloggenView') },
          { path: 'wachtwoord', element: view(() => import('./views/werkruimte/WachtwoordView.tsx'), 'WachtwoordView') },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
