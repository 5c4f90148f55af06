// The events table with its filters, and one event in its article with the
// evidence sentence, trigger, actors, date and place highlighted.
import { h, api, actorChips, codePointIndex } from "../dom.js";
import { t, typeLabel, modalityLabel, quadOf, TYPES, MODALITIES, fmtNum } from "../i18n.js";
import { pager } from "./search.js";

const PAGE = 25;
export const FILTERS = ["actor", "type", "process", "place", "modality", "from", "to", "q"];

export function filterParams(params) {
  const f = {};
  for (const k of FILTERS) if (params.get(k)) f[k] = params.get(k);
  return f;
}

export function filterQuery(f, extra) {
  return new URLSearchParams({ ...f, ...(extra || {}) }).toString();
}

export async function filterForm(params, target) {
  const f = filterParams(params);
  const procs = await api("/api/processes").catch(() => ({ items: [] }));
  const field = (name, el) => h("label", { class: "field" }, h("span", {}, t(name)), el);
  const text = (name, type) => h("input", { name, id: `f-${name}`, type: type || "text", value: f[name] || "", dir: type === "date" ? "ltr" : "auto" });
  const select = (name, values, label) => {
    const s = h("select", { name, id: `f-${name}` }, h("option", { value: "" }, t("all")),
      values.map((v) => h("option", { value: v, selected: f[name] === v }, label(v))));
    return s;
  };
  const form = h("form", { class: "filters", id: "filters", onsubmit: (e) => {
    e.preventDefault();
    const data = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ""));
    location.hash = `#/${target}?${new URLSearchParams(data)}`;
  } },
  field("actor", text("actor")),
  field("type", select("type", TYPES, (v) => `${typeLabel(v)} · ${v}`)),
  field("process", select("process", procs.items.map((p) => p.id), (id) => {
    const p = procs.items.find((x) => x.id === id);
    return p ? (document.documentElement.lang === "ar" ? p.name_ar || p.name : p.name) : id;
  })),
  field("place", text("place")),
  field("modality", select("modality", MODALITIES, modalityLabel)),
  field("from", text("from", "date")),
  field("to", text("to", "date")),
  field("text", text("q")),
  h("div", { class: "actions" },
    h("button", { type: "submit", id: "apply" }, t("apply")),
    h("a", { class: "btn ghost", href: `#/${target}` }, t("reset"))));
  return form;
}

export async function eventsPage({ params }) {
  const f = filterParams(params);
  const merged = params.get("view") === "merged";
  const offset = Number(params.get("offset") || 0);
  const res = await api(merged ? "/api/merged-events" : "/api/events", { ...f, limit: PAGE, offset });
  const stats = await api("/api/stats");
  const link = (o) => `#/events?${filterQuery(f, { offset: o, ...(merged ? { view: "merged" } : {}) })}`;
  const tabs = h("div", { class: "tabs" },
    h("a", { class: merged ? "" : "active", href: `#/events?${filterQuery(f)}` }, t("events")),
    h("a", { class: merged ? "active" : "", href: `#/events?${filterQuery(f, { view: "merged" })}`, id: "tab-merged" }, t("merged")));
  const downloads = (stats.export_formats || []).length
    ? h("div", { class: "downloads" }, `${t("download")}: `, stats.export_formats.map((fmt) =>
      h("a", { class: "btn ghost small", href: `/api/export?${filterQuery(f, { format: fmt })}`, download: "" }, fmt)))
    : null;
  const head = merged
    ? [t("date"), t("type"), t("actors"), t("recipients"), t("place"), t("mentions"), t("sources")]
    : [t("date"), t("type"), t("actors"), t("recipients"), t("place"), t("modality"), t("article")];
  const rows = res.items.map((e) => merged
    ? h("tr", {},
      h("td", { dir: "ltr", class: "date" }, dateText(e)),
      h("td", {}, typeBadge(e)),
      h("td", {}, actorChips(e.actors)), h("td", {}, actorChips(e.recipients, "rcp")),
      h("td", {}, placeText(e.location)), h("td", { class: "num" }, fmtNum(e.mentions)), h("td", { class: "num" }, fmtNum(e.sources)))
    : h("tr", { class: "ev-row", tabindex: "0", "data-id": e.id, onclick: () => { location.hash = `#/event/${e.id}`; },
      onkeydown: (k) => { if (k.key === "Enter") location.hash = `#/event/${e.id}`; } },
    h("td", { dir: "ltr", class: "date" }, dateText(e)),
    h("td", {}, h("a", { href: `#/event/${e.id}` }, typeBadge(e))),
    h("td", {}, actorChips(e.actors)), h("td", {}, actorChips(e.recipients, "rcp")),
    h("td", {}, placeText(e.location)), h("td", {}, h("span", { class: `mod mod-${e.modality}` }, modalityLabel(e.modality))),
    h("td", { class: "art" }, e.article_title || e.article_ext_id)));
  return h("section", { class: "page" },
    h("h1", {}, t("events")),
    await filterForm(params, "events"),
    h("div", { class: "toolbar" }, tabs, h("span", { class: "muted", id: "events-total" }, `${fmtNum(res.total)} ${t(merged ? "mergedCount" : "eventsCount")}`), downloads),
    h("div", { class: "table-wrap" }, h("table", { id: "events-table", class: "grid" },
      h("thead", {}, h("tr", {}, head.map((c) => h("th", {}, c)))),
      h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: head.length, class: "muted" }, t("noData")))))),
    pager(res, link));
}

export function typeBadge(e) {
  return h("span", { class: `type q-${e.quad || quadOf(e.type)}`, title: e.type }, typeLabel(e.type), e.mode ? h("small", {}, ` ${e.mode}`) : null);
}

function dateText(e) {
  if (!e.date) return "—";
  return e.date_end && e.date_end !== e.date ? `${e.date} → ${e.date_end}` : e.date;
}

function placeText(loc) {
  if (!loc || !loc.name) return "—";
  return h("span", { title: loc.country }, loc.text || loc.name);
}

export async function eventPage({ id }) {
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  const art = await api(`/api/articles/${encodeURIComponent(e.article_id)}`);
  const dl = (label, ...v) => [h("dt", {}, label), h("dd", {}, ...v)];
  const card = h("aside", { class: "card event-card" },
    h("h2", {}, typeBadge(e)),
    h("dl", {},
      dl(t("modality"), h("span", { class: `mod mod-${e.modality}` }, modalityLabel(e.modality))),
      e.mode ? dl(t("mode"), e.mode) : null,
      dl(t("actors"), actorChips(e.actors)),
      dl(t("recipients"), e.recipients.length ? actorChips(e.recipients, "rcp") : "—"),
      dl(t("date"), h("span", { dir: "ltr", class: "hl-date-chip" }, dateText(e))),
      dl(t("place"), e.location ? `${e.location.text || e.location.name} (${e.location.name}, ${e.location.country})` : "—"),
      e.trigger ? dl(t("trigger"), h("mark", { class: "trigger" }, e.trigger)) : null,
      e.processes && e.processes.length ? dl(t("process"), e.processes.map((p) =>
        h("a", { class: "chip", href: `#/process/${p.process}` }, p.process, p.round ? ` ${p.round}` : ""))) : null,
      e.cameo ? dl("CAMEO", h("code", {}, e.cameo), e.score ? ` (${e.score})` : "") : null));
  const body = h("div", { class: "article-text", id: "article-text" }, highlightEvent(art.article.text, e, art.annotations));
  const legend = h("p", { class: "legend" },
    h("mark", { class: "evidence" }, t("evidence")), " ", h("mark", { class: "trigger" }, t("trigger")), " ",
    h("mark", { class: "hl-actor" }, t("actor")), " ", h("mark", { class: "hl-recipient" }, t("recipient")), " ",
    h("mark", { class: "hl-date" }, t("date")), " ", h("mark", { class: "hl-place" }, t("place")));
  const view = h("section", { class: "page event-detail" },
    h("p", {}, h("a", { href: "#/events", class: "btn ghost small" }, t("back"))),
    h("h1", {}, art.article.title || art.article.ext_id),
    h("p", { class: "muted" }, `${t("published")}: `, h("span", { dir: "ltr" }, art.article.published || "—"),
      art.article.url ? [" · ", h("a", { href: art.article.url, dir: "ltr", rel: "noopener noreferrer" }, art.article.url)] : ""),
    h("div", { class: "split" }, h("article", { class: "card" }, legend, body), card));
  // Bring a long article's evidence into view, vertically only: scrollIntoView
  // also scrolls sideways in right-to-left pages.
  requestAnimationFrame(() => {
    const r = view.querySelector("mark.evidence.main")?.getBoundingClientRect();
    if (r && r.bottom > window.innerHeight) window.scrollTo({ top: window.scrollY + r.top - window.innerHeight / 3, left: 0 });
  });
  return view;
}

// nest renders text[from:to] with the spans inside it marked; a span that
// lies within another (a place inside a recipient's words) is marked inside
// it, and one that crosses another's edge is dropped.
function nest(text, spans, from, to) {
  const out = [];
  let at = from;
  for (let i = 0; i < spans.length; i++) {
    const [a, b, cls] = spans[i];
    if (a < at || b > to) continue;
    const inside = [];
    while (i + 1 < spans.length && spans[i + 1][0] < b) inside.push(spans[++i]);
    if (a > at) out.push(text.slice(at, a));
    out.push(h("mark", { class: cls }, nest(text, inside, a, b)));
    at = b;
  }
  out.push(text.slice(at, to));
  return out;
}

// highlightEvent renders the article text with the event's evidence sentence
// marked and, inside it, the trigger, actors, recipients, date and place.
export function highlightEvent(text, e, ann) {
  const u = codePointIndex(text);
  const s = u(e.evidence.start);
  const end = u(e.evidence.end);
  const sentence = text.slice(s, end);
  const spans = [];
  const find = (needle, cls) => {
    if (!needle) return;
    const i = sentence.indexOf(needle);
    if (i >= 0) spans.push([i, i + needle.length, cls]);
  };
  find(e.trigger, "trigger");
  for (const a of e.actors) find(a.text, "hl-actor");
  for (const a of e.recipients) find(a.text, "hl-recipient");
  if (e.location) find(e.location.text, "hl-place");
  for (const x of (ann && ann.timexes) || []) {
    const xs = u(x.start) - s;
    const xe = u(x.end) - s;
    if (xs >= 0 && xe <= sentence.length && (!e.date || x.value === e.date || (x.value || "").startsWith(e.date))) {
      spans.push([xs, xe, "hl-date"]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const inner = nest(sentence, spans, 0, sentence.length);
  return [text.slice(0, s), h("mark", { class: "evidence main", id: "evidence" }, inner), text.slice(end)];
}

