// The peace processes: a list, and one process with its rounds table,
// participants by role and a timeline of rounds and events.
import { select } from "d3-selection";
import { scaleTime } from "d3-scale";
import { axisBottom } from "d3-axis";
import { h, api } from "../dom.js";
import { t, lang, roleLabel, statusLabel, ROLES, fmtNum, fmtMonth } from "../i18n.js";
import { timelineChart, legend } from "./timeline.js";

const pname = (p) => (lang() === "ar" ? p.name_ar || p.name : p.name || p.id);

export async function processesPage() {
  const res = await api("/api/processes");
  return h("section", { class: "page" },
    h("h1", {}, t("processes")),
    res.items.length ? h("div", { class: "cards", id: "process-list" }, res.items.map((p) =>
      h("a", { class: "card process-card", href: `#/process/${encodeURIComponent(p.id)}` },
        h("h2", {}, pname(p)),
        h("p", { class: "muted", dir: "ltr" }, p.first ? `${p.first} → ${p.last}` : ""),
        h("p", {}, `${fmtNum(p.rounds)} ${t("rounds")} · ${fmtNum(p.events)} ${t("eventsCount")}`)))) : h("p", {}, t("noProcesses")));
}

export async function processPage({ id }) {
  const p = await api(`/api/processes/${encodeURIComponent(id)}`);
  const tl = await api("/api/stats/timeline", { process: p.id });
  const byRole = new Map();
  for (const x of p.roles || []) {
    if (!byRole.has(x.role)) byRole.set(x.role, []);
    byRole.get(x.role).push(x);
  }
  const roleOrder = [...ROLES, ...[...byRole.keys()].filter((r) => !ROLES.includes(r))];
  const who = (rd, roles) => rd.participants.filter((x) => roles.includes(x.role)).map((x) => x.name || x.code).join("، ");
  const outcome = (o) => (lang() === "ar" ? o.arabic || o.text : o.text);
  return h("section", { class: "page" },
    h("p", {}, h("a", { href: "#/processes", class: "btn ghost small" }, t("back"))),
    h("h1", {}, pname(p)),
    p.about && lang() === "en" ? h("p", { class: "muted" }, p.about) : null,
    h("p", { class: "muted" }, `${fmtNum(p.rounds.length)} ${t("rounds")} · `,
      h("a", { href: `#/events?process=${encodeURIComponent(p.id)}` }, `${fmtNum(p.events)} ${t("eventsCount")}`),
      p.first ? [" · ", h("span", { dir: "ltr" }, `${p.first} – ${p.last}`)] : null),
    byRole.size ? h("div", { class: "card" }, h("h2", {}, t("participants")),
      h("div", { class: "roles" }, roleOrder.filter((r) => byRole.has(r)).map((role) => h("div", { class: `role role-${role}` },
        h("h3", {}, roleLabel(role)),
        h("ul", { class: "plain" }, byRole.get(role).map((x) => h("li", {},
          h("a", { href: `#/events?process=${encodeURIComponent(p.id)}&actor=${encodeURIComponent(x.code)}` }, x.name || x.code),
          " ", h("code", {}, x.code), x.events ? h("span", { class: "muted" }, ` · ${fmtNum(x.events)}`) : null))))))) : null,
    h("div", { class: "card" }, h("h2", {}, t("rounds")),
      p.rounds.length ? h("div", { class: "table-wrap" }, h("table", { class: "grid", id: "rounds-table" },
        h("thead", {}, h("tr", {}, [t("round"), t("status"), t("date"), t("venue"), roleLabel("guarantor"), roleLabel("observer"),
          roleLabel("party"), t("outcomes"), t("eventsCount")].map((c) => h("th", {}, c)))),
        h("tbody", {}, p.rounds.map((rd) => h("tr", {},
          h("td", { class: "round-label" }, rd.label || rd.number),
          h("td", {}, h("span", { class: `status status-${(rd.status || "").replace(/ /g, "-")}` }, statusLabel(rd.status))),
          h("td", { dir: "ltr", class: "date" }, rd.date ? (rd.date_end && rd.date_end !== rd.date ? `${rd.date} – ${rd.date_end}` : rd.date) : "—"),
          h("td", {}, rd.venue ? rd.venue.text || rd.venue.name : "—"),
          h("td", {}, who(rd, ["guarantor", "mediator", "host"]) || "—"),
          h("td", {}, who(rd, ["observer"]) || "—"),
          h("td", {}, who(rd, ["party", "member", "other"]) || "—"),
          h("td", {}, rd.outcomes.length ? h("ul", { class: "plain" }, rd.outcomes.map((o) => h("li", {}, outcome(o)))) : "—"),
          h("td", { class: "num" }, rd.event_ids && rd.event_ids.length
            ? h("a", { href: `#/event/${rd.event_ids[0]}` }, fmtNum(rd.events)) : fmtNum(rd.events))))))) : h("p", {}, t("noRounds"))),
    h("div", { class: "card" }, h("h2", {}, t("processTimeline")),
      roundsStrip(p.rounds),
      legend(),
      tl.items.length ? timelineChart(tl.items, { process: p.id }) : null));
}

// roundsStrip places the dated rounds on a time axis.
function roundsStrip(rounds) {
  const dated = rounds.filter((r) => r.date).map((r) => ({ ...r, t: new Date(r.date.length === 7 ? `${r.date}-01` : r.date) }));
  if (!dated.length) return null;
  const W = 1000, H = 90, pad = 50;
  const lo = Math.min(...dated.map((r) => r.t)), hi = Math.max(...dated.map((r) => r.t));
  const day = 864e5 * 30;
  const x = scaleTime().domain([new Date(lo - day), new Date(hi + day)])
    .range(lang() === "ar" ? [W - pad, pad] : [pad, W - pad]);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("viewBox", `0 0 ${W} ${H}`).attr("class", "rounds-strip").attr("direction", "ltr");
  svg.append("g").attr("transform", `translate(0,${H - 30})`).call(axisBottom(x).ticks(8).tickFormat(fmtMonth));
  const g = svg.append("g").selectAll("g").data(dated).join("g").attr("transform", (r) => `translate(${x(r.t)},${H - 30})`);
  g.append("circle").attr("r", 7).attr("class", (r) => `round-dot status-${(r.status || "").replace(/ /g, "-")}`);
  g.append("text").attr("y", -14).attr("text-anchor", "middle").text((r) => r.label || r.number);
  g.append("title").text((r) => `${r.label || r.number}: ${r.date}${r.venue ? ` · ${r.venue.name}` : ""}`);
  return svg.node();
}
