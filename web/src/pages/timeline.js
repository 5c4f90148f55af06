// Events per day, stacked by quad class; a click on a day opens its events.
import { select } from "d3-selection";
import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";
import { axisBottom, axisLeft, axisRight } from "d3-axis";
import { h, api } from "../dom.js";
import { t, lang, QUADS, QUAD_COLORS, fmtNum } from "../i18n.js";
import { filterForm, filterParams, filterQuery } from "./events.js";

export async function timelinePage({ params }) {
  const f = filterParams(params);
  const res = await api("/api/stats/timeline", f);
  return h("section", { class: "page" },
    h("h1", {}, t("timeline")),
    await filterForm(params, "timeline"),
    h("p", { class: "muted" }, t("timelineNote")),
    legend(),
    h("div", { class: "card chart", id: "timeline-chart" }, res.items.length ? timelineChart(res.items, f) : t("noData")));
}

export function legend() {
  return h("div", { class: "legend" }, QUADS.map((q) =>
    h("span", { class: "key" }, h("i", { style: `background:${QUAD_COLORS[q]}` }), t(q))));
}

// timelineChart draws one stacked bar per day that has events; days without
// events are left out so that sparse multi-year records stay readable.
export function timelineChart(items, f) {
  const W = 1000, H = 340, m = { top: 16, right: 44, bottom: 74, left: 44 };
  const rtl = lang() === "ar";
  const days = items.map((d) => d.date);
  const x = scaleBand().domain(days).range(rtl ? [W - m.right, m.left] : [m.left, W - m.right]).padding(0.2);
  const max = Math.max(1, ...items.map((d) => QUADS.reduce((s, q) => s + (d[q] || 0), 0)));
  const y = scaleLinear().domain([0, max]).nice().range([H - m.bottom, m.top]);
  const series = stack().keys(QUADS).value((d, k) => d[k] || 0)(items);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("viewBox", `0 0 ${W} ${H}`).attr("class", "timeline").attr("role", "img").attr("direction", "ltr");
  svg.append("g").selectAll("g").data(series).join("g").attr("fill", (s) => QUAD_COLORS[s.key])
    .selectAll("rect").data((s) => s.map((v) => ({ v, key: s.key }))).join("rect")
    .attr("class", "bar")
    .attr("x", (d) => x(d.v.data.date)).attr("width", x.bandwidth())
    .attr("y", (d) => y(d.v[1])).attr("height", (d) => Math.max(0, y(d.v[0]) - y(d.v[1])))
    .style("cursor", "pointer")
    .on("click", (_, d) => { location.hash = `#/events?${filterQuery(f, { from: d.v.data.date, to: d.v.data.date })}`; })
    .append("title").text((d) => `${d.v.data.date} · ${t(d.key)}: ${fmtNum(d.v[1] - d.v[0])}`);
  const every = Math.max(1, Math.ceil(days.length / 24));
  svg.append("g").attr("transform", `translate(0,${H - m.bottom})`)
    .call(axisBottom(x).tickValues(days.filter((_, i) => i % every === 0)))
    .selectAll("text").attr("transform", "rotate(-50)").style("text-anchor", "end").attr("dx", "-0.5em").attr("dy", "0.3em");
  const yAxis = rtl ? axisRight(y) : axisLeft(y);
  svg.append("g").attr("transform", `translate(${rtl ? W - m.right : m.left},0)`)
    .call(yAxis.ticks(Math.min(max, 6)).tickFormat(fmtNum));
  return svg.node();
}
