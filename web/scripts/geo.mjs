// Regenerates src/geo/*.json from the world-atlas package (Natural Earth,
// public domain): a coarse world and a detailed Levant, as plain GeoJSON with
// rounded coordinates, so the map works offline and the bundle stays small.
// Run with `npm run geo`; the output is committed.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const load = (f) => JSON.parse(readFileSync(new URL(`../node_modules/world-atlas/${f}`, import.meta.url)));

function round(coords, digits) {
  const k = 10 ** digits;
  if (typeof coords[0] === "number") return coords.map((c) => Math.round(c * k) / k);
  return coords.map((c) => round(c, digits));
}

function collection(topo, keep, digits) {
  const fc = feature(topo, topo.objects.countries);
  return {
    type: "FeatureCollection",
    features: fc.features
      .filter((f) => keep(f.id))
      .map((f) => ({
        type: "Feature",
        id: f.id,
        properties: { name: f.properties.name },
        geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates, digits) },
      })),
  };
}

// ISO 3166-1 numeric codes of Syria and the countries around it.
const region = new Set(["760", "792", "368", "422", "400", "376", "275", "196", "682", "818", "364"]);

writeFileSync(new URL("../src/geo/world.json", import.meta.url),
  JSON.stringify(collection(load("countries-110m.json"), (id) => id !== "010", 1)));
writeFileSync(new URL("../src/geo/region.json", import.meta.url),
  JSON.stringify(collection(load("countries-50m.json"), (id) => region.has(id), 2)));
