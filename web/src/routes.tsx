import { Link, useLocation, type RouteObject } from 'react-router';
import { useFocusOnNavigation, useRouteTitle } from './lib/page.ts';
import { useBannerResetOn } from './lib/banner.ts';
import { Layout } from './components/layout/Layout.tsx';
import { DataView } from './views/databouwer/DataView.tsx';
import { GemeenteKiezen } from './views/gemeente/GemeenteKiezen.tsx';
import { GemeenteView } from './views/gemeente/GemeenteView.tsx';
import { NotitieView } from './views/gemeente/NotitieView.tsx';
import { KaartView } from './views/kaart/KaartView.tsx';
import { VergelijkenView } from './views/vergelijken/VergelijkenView.tsx';
import { RegioView } from './views/regio/RegioView.tsx';
import { SchoolView } from './views/school/SchoolView.tsx';

const TITLES: [RegExp, string][] = [
  [/^\/gemeente\/[^/]+\/notitie/, 'Gespreksnotitie'],
  [/^\/gemeente/, 'Gemeente'],
  [/^\/school/, 'School'],
  [/^\/vergelijken/, 'Wijken vergelijken'],
  [/^\/regio/, 'Regio-overzicht'],
  [/^\/data/, 'Data'],
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

export const routes: RouteObject[] = [
  {
    element: (
      <Page>
        <Layout />
      </Page>
    ),
    children: [
      { index: true, element: <KaartView /> },
      { path: 'kaart', element: <KaartView /> },
      { path: 'gemeente', element: <GemeenteKiezen /> },
      { path: 'gemeente/:code', element: <GemeenteView /> },
      { path: 'gemeente/:code/notitie', element: <NotitieView /> },
      { path: 'school/:code', element: <SchoolView /> },
      { path: 'regio', element: <RegioView /> },
      { path: 'vergelijken', element: <VergelijkenView /> },
      { path: 'data', element: <DataView /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
