import { isKaartPath, startEarly } from './api/early.ts';

// Imported first by main.tsx: this runs before React and the router are set up.
startEarly(location.pathname);

/** The Kaart's chunk on the Kaart's paths, which the router would ask for only after its first render. */
export const kaartChunk = isKaartPath(location.pathname) ? import('./views/kaart/KaartView.tsx') : undefined;
