// Events on an offline map: Natural Earth country shapes (world-atlas,
// public domain) with a detailed Levant, markers sized by events per place.
import { select } from "d3-selection";
import { geoMercator, geoPath } from "d3-geo";
import { zoom } from "d3-zoom";
import { scaleSqrt } from "d3-scale";
import { h, api } from "../dom.js";
import { t, fmtNum } from "../i18n.js";
import { filterForm, filterParams, filterQuery } from "./events.js";
import world from "../geo/world.json";
import region from "../geo/region.json";

const W = 1000, H = 620;

export async function mapPage({ params }) {
  const f = filterParams(params);
  const res = await api("/api/stats/places", f);
  const places = res.items.filter((p) => p.lat || p.lon);
  const inSyria = places.filter((p) => p.country === "SYR");
  return h("section", { class: "page" },
    h("h1", {}, t("map")),
    await filterForm(params, "map"),
    h("p", { class: "muted" }, t("mapNote")),
    h("div", { class: "split map-split" },
      h("div", {},
        h("div", { class: "card chart" }, h("h2", {}, t("syria")), h("div", { id: "syria-chart" }, mapChart(inSyria, f, true))),
        h("div", { class: "card chart" }, h("h2", {}, t("allPlaces")), h("div", { id: "map-chart" }, mapChart(places, f, false)))),
      h("aside", { class: "card" }, h("h2", {}, t("placesList")),
        res.items.length ? h("ul", { class: "plain places" }, res.items.map((p) =>
          h("li", {}, h("a", { href: `#/events?${filterQuery(f, { place: p.name })}` }, p.text || p.name),
            h("span", { class: "muted" }, ` ${p.country} · ${fmtNum(p.count)}`)))) : t("noData"))));
}

// mapChart draws the places on country shapes: framed on Syria alone, or on
// Syria widened to take in every marker.
function mapChart(places, f, syriaOnly) {
  const syria = region.features.find((c) => c.id === "760");
  const frame = {
    type: "FeatureCollection",
    features: [syria, ...(syriaOnly ? [] : places.map((p) => ({ type: "Feature", geometry: { type: "Point", coordinates: [p.lon, p.lat] } })))],
  };
  const proj = geoMercator().fitExtent([[60, 60], [W - 60, H - 60]], frame);
  const path = geoPath(proj);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("viewBox", `0 0 ${W} ${H}`).attr("class", "map").attr("role", "img");
  svg.append("rect").attr("width", W).attr("height", H).attr("class", "sea");
  const g = svg.append("g");
  const inRegion = new Set(region.features.map((c) => c.id));
  g.append("g").selectAll("path").data(world.features.filter((c) => !inRegion.has(c.id))).join("path")
    .attr("d", path).attr("class", "land");
  g.append("g").selectAll("path").data(region.features).join("path")
    .attr("d", path).attr("class", (d) => (d.id === "760" ? "land syria" : "land"))
    .append("title").text((d) => d.properties.name);
  const r = scaleSqrt().domain([0, Math.max(1, ...places.map((p) => p.count))]).range([0, 26]);
  const marker = g.append("g").selectAll("g").data(places.sort((a, b) => b.count - a.count)).join("g")
    .attr("class", "marker").attr("transform", (p) => `translate(${proj([p.lon, p.lat])})`)
    .style("cursor", "pointer")
    .on("click", (_, p) => { location.hash = `#/events?${filterQuery(f, { place: p.name })}`; });
  marker.append("circle").attr("r", (p) => Math.max(4, r(p.count)));
  marker.append("text").attr("y", (p) => -Math.max(4, r(p.count)) - 4).attr("text-anchor", "middle").text((p) => p.text || p.name);
  marker.append("title").text((p) => `${p.name} (${p.country}): ${fmtNum(p.count)} ${t("weight")}`);
  svg.call(zoom().scaleExtent([0.5, 12]).on("zoom", (ev) => {
    g.attr("transform", ev.transform);
    g.selectAll(".marker").attr("transform", (p) => `translate(${proj([p.lon, p.lat])}) scale(${1 / ev.transform.k})`);
  }));
  return svg.node();
}
