import { isKaartPath, startEarly } from './api/early.ts';

// Imported first by main.tsx: this runs before React and the router are set up.
startEarly(location.pathname);
// The Kaart's chunk too, which the router would ask for only after its first render.
if (isKaartPath(location.pathname)) void import('./views/kaart/KaartView.tsx');
