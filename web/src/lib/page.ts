import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const SUFFIX = 'GKA Dashboard';

/** The view's own title once it knows it ('Gemeente Tilburg'); runs after the generic title of the route. */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} – ${SUFFIX}`;
  }, [title]);
}

/** The route's generic title: a layout effect, so a view's own title (a passive effect) always wins. */
export function useRouteTitle(title: string) {
  useLayoutEffect(() => {
    document.title = `${title} – ${SUFFIX}`;
  }, [title]);
}

/**
 * After a navigation inside the app (not the first load), focus moves to the new page's main
 * heading, so a screen reader announces it and the keyboard starts there. A view still loading gets
 * its heading a moment later: wait for it, briefly.
 */
export function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const focus = () => {
      const h1 = document.querySelector<HTMLElement>('main h1');
      if (!h1) return false;
      h1.tabIndex = -1;
      h1.focus({ preventScroll: false });
      return true;
    };
    if (focus()) return;
    const observer = new MutationObserver(() => focus() && observer.disconnect());
    observer.observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [pathname]);
}
