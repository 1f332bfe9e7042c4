import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import { allSynthetic } from '@gka/shared';
import { useBoundariesSynthetic } from '../api/hooks.ts';

/**
 * Whether the figures the current view shows are synthetic: each view says so for what it shows (the
 * chosen indicator, the profile, the boundaries), so the demo banner is right per view, not the
 * echo of whichever answer came last. Null until the view knows.
 */
let shown: boolean | null = null;
const listeners = new Set<() => void>();
const set = (v: boolean | null) => {
  if (v === shown) return;
  shown = v;
  listeners.forEach((l) => l());
};

/**
 * For a view: whether each figure it shows is synthetic, as the API marked its indicator (undefined
 * while not known). The banner comes only when every one is (`allSynthetic`); a view without figures
 * follows the boundaries. Mixed views mark each figure instead.
 */
export function usePageFigures(figures: readonly boolean[] | undefined) {
  const boundaries = useBoundariesSynthetic();
  const synthetic = figures === undefined || boundaries === undefined ? undefined : allSynthetic(figures, boundaries);
  useEffect(() => {
    if (synthetic !== undefined) set(synthetic);
  }, [synthetic]);
}

/** For the router: a new page starts without a banner until its view says what it shows. */
export function useBannerResetOn(key: string) {
  useLayoutEffect(() => set(null), [key]);
}

/** Whether the current view's figures are all synthetic (the banner), none or some (no banner), or null while not known. */
export function useSyntheticBanner(): boolean | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => shown,
  );
}
