import { useSyncExternalStore } from 'react';

/** The width below which styles.css lays pages out for a phone. */
export const PHONE = '(max-width: 700px)';

/** Whether the screen is a phone's, following rotation and resizing. */
export function usePhone(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const m = window.matchMedia(PHONE);
      m.addEventListener('change', changed);
      return () => m.removeEventListener('change', changed);
    },
    () => window.matchMedia(PHONE).matches,
  );
}
