// Who acts towards whom: actors as nodes sized by events, directed edges from
// actor to recipient weighted by the number of events between them.
import { select } from "d3-selection";
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from "d3-force";
import { drag } from "d3-drag";
import { scaleSqrt, scaleLinear } from "d3-scale";
import { h, api } from "../dom.js";
import { t, lang, fmtNum } from "../i18n.js";
import { filterForm, filterParams, filterQuery } from "./events.js";

const W = 1000, H = 620;

// sectorColor colours a CAMEO code by its sector (GOV, MIL, REB, IGO...).
function sectorColor(code) {
  if (code.startsWith("IGO")) return "#6c5ce7";
  const sector = code.slice(3, 6);
  return { GOV: "#2c6fbb", MIL: "#8e3b2f", REB: "#c0392b", OPP: "#e67e22", CVL: "#27ae60", NGO: "#16a085" }[sector] || "#7f8c8d";
}

export async function networkPage({ params }) {
  const f = filterParams(params);
  const res = await api("/api/stats/network", { ...f, limit: 40 });
  return h("section", { class: "page" },
    h("h1", {}, t("network")),
    await filterForm(params, "network"),
    h("p", { class: "muted" }, t("networkNote")),
    h("div", { class: "card chart", id: "network-chart" }, res.nodes.length ? networkChart(res, f) : t("noData")));
}

function networkChart(res, f) {
  const nodes = res.nodes.map((n) => ({ ...n }));
  const known = new Set(nodes.map((n) => n.code));
  const links = res.edges.filter((e) => known.has(e.source) && known.has(e.target)).map((e) => ({ ...e }));
  const r = scaleSqrt().domain([1, Math.max(1, ...nodes.map((n) => n.events))]).range([7, 30]);
  const wmax = Math.max(1, ...links.map((l) => l.weight));
  const w = scaleLinear().domain([1, wmax]).range([1.2, 8]);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("viewBox", `0 0 ${W} ${H}`).attr("class", "network").attr("role", "img");
  svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -5 10 10").attr("refX", 10)
    .attr("markerWidth", 5).attr("markerHeight", 5).attr("orient", "auto")
    .append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", "#8895a7");
  const link = svg.append("g").attr("class", "links").selectAll("line").data(links).join("line")
    .attr("stroke-width", (d) => w(d.weight)).attr("marker-end", "url(#arrow)");
  link.append("title").text((d) => `${d.source} → ${d.target}: ${fmtNum(d.weight)} ${t("weight")}`);
  const node = svg.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g").attr("class", "node")
    .style("cursor", "pointer")
    .on("click", (ev, d) => { if (!ev.defaultPrevented) location.hash = `#/events?${filterQuery(f, { actor: d.code })}`; });
  node.append("circle").attr("r", (d) => r(d.events)).attr("fill", (d) => sectorColor(d.code));
  node.append("text").attr("dy", (d) => r(d.events) + 14).attr("text-anchor", "middle").text((d) => (lang() === "ar" ? d.text || d.name : d.name || d.text) || d.code);
  node.append("title").text((d) => `${d.name || d.code} (${d.code}): ${fmtNum(d.events)} ${t("weight")}`);
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.code).distance(150))
    .force("charge", forceManyBody().strength(-520))
    .force("center", forceCenter(W / 2, H / 2))
    .force("collide", forceCollide().radius((d) => r(d.events) + 18))
    // keep actors without edges near the middle instead of at the walls
    .force("x", forceX(W / 2).strength(0.07))
    .force("y", forceY(H / 2).strength(0.1));
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  sim.on("tick", () => {
    for (const n of nodes) { n.x = clamp(n.x, 90, W - 90); n.y = clamp(n.y, 40, H - 50); }
    link.each(function (d) {
      // stop the arrow at the target's rim
      const dx = d.target.x - d.source.x, dy = d.target.y - d.source.y;
      const len = Math.hypot(dx, dy) || 1;
      const k = (r(d.target.events) + 3) / len;
      select(this).attr("x1", d.source.x).attr("y1", d.source.y)
        .attr("x2", d.target.x - dx * k).attr("y2", d.target.y - dy * k);
    });
    node.attr("transform", (d) => `translate(${d.x},${d.y})`);
  });
  node.call(drag()
    .on("start", (ev, d) => { if (!ev.active) sim.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
    .on("drag", (ev, d) => { d.fx = ev.x; d.fy = ev.y; })
    .on("end", (ev, d) => { if (!ev.active) sim.alphaTarget(0); d.fx = null; d.fy = null; }));
  return svg.node();
}
