import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';

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

/** For a view: its figures are synthetic (true), real (false), or not known yet (undefined). */
export function useSyntheticFigures(synthetic: boolean | undefined) {
  useEffect(() => {
    if (synthetic !== undefined) set(synthetic);
  }, [synthetic]);
}

/** For the router: a new page starts without a banner until its view says what it shows. */
export function useBannerResetOn(key: string) {
  useLayoutEffect(() => set(null), [key]);
}

export function useSyntheticBanner(): boolean {
  return (
    useSyncExternalStore(
      (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      () => shown,
    ) === true
  );
}
