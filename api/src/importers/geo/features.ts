import { feature as topoFeature } from 'topojson-client';
import { GeoFileError } from './errors.ts';

type Topology = Parameters<typeof topoFeature>[0];

export type RawFeature = { properties: Record<string, unknown>; geometry: unknown };

/** The features of a GeoJSON FeatureCollection (or single Feature) or of every object of a TopoJSON Topology. */
export function featuresOf(doc: unknown, name: string): RawFeature[] {
  const d = doc as { type?: unknown } | null;
  if (!d || typeof d !== 'object' || Array.isArray(d)) throw new GeoFileError(name, 'het bestand is geen GeoJSON of TopoJSON (verwacht een JSON-object)');
  let features: unknown[];
  if (d.type === 'FeatureCollection') {
    features = (d as { features?: unknown }).features as unknown[];
    if (!Array.isArray(features)) throw new GeoFileError(name, 'de FeatureCollection heeft geen lijst "features"');
  } else if (d.type === 'Feature') {
    features = [d];
  } else if (d.type === 'Topology') {
    features = topologyFeatures(d as Topology, name);
  } else {
    throw new GeoFileError(name, `het bestand is geen GeoJSON FeatureCollection of TopoJSON Topology (type ${JSON.stringify(d.type ?? null)})`);
  }
  if (features.length === 0) throw new GeoFileError(name, 'het bestand bevat geen features');
  return features.map((f, i) => {
    const x = f as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (!x || typeof x !== 'object' || x.type !== 'Feature') throw new GeoFileError(name, 'dit is geen GeoJSON Feature', i);
    const properties = x.properties && typeof x.properties === 'object' && !Array.isArray(x.properties) ? (x.properties as Record<string, unknown>) : {};
    return { properties, geometry: x.geometry ?? null };
  });
}

function topologyFeatures(topology: Topology, name: string): unknown[] {
  if (!topology.objects || typeof topology.objects !== 'object' || !Array.isArray(topology.arcs)) {
    throw new GeoFileError(name, 'de TopoJSON Topology mist "objects" of "arcs"');
  }
  const out: unknown[] = [];
  for (const object of Object.values(topology.objects)) {
    try {
      const decoded = topoFeature(topology, object) as { type: string; features?: unknown[] };
      out.push(...(decoded.type === 'FeatureCollection' ? decoded.features! : [decoded]));
    } catch (e) {
      throw new GeoFileError(name, `de TopoJSON kan niet worden gedecodeerd (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return out;
}
