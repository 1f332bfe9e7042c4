import type { FeatureCollection, Geometry } from 'geojson';
import type { Schema } from './client.ts';

export type AreaFeatureCollection = FeatureCollection<Geometry, { code: string; name: string }>;

/** Checks the GeoJSON of /api/v1/geo for what the maps read: features with a code and a name. */
export const FeatureCollectionSchema: Schema<AreaFeatureCollection> = {
  safeParse(data) {
    const fc = data as AreaFeatureCollection | null;
    const ok =
      fc?.type === 'FeatureCollection' &&
      Array.isArray(fc.features) &&
      fc.features.every((f) => typeof f?.properties?.code === 'string' && typeof f.properties.name === 'string' && !!f.geometry);
    return ok ? { success: true, data: fc } : { success: false, error: new Error('geen FeatureCollection met code en name') };
  },
};
