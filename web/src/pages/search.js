// Full-text search over articles and evidence, with highlighted snippets.
import { h, api, snippet } from "../dom.js";
import { t, fmtNum } from "../i18n.js";

const PAGE = 20;

export async function searchPage({ params }) {
  const q = params.get("q") || "";
  const offset = Number(params.get("offset") || 0);
  const input = h("input", { id: "q", type: "search", value: q, placeholder: t("searchPlaceholder"), autocomplete: "off" });
  const form = h("form", { class: "searchbar", role: "search", onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(input.value.trim())}`;
  } }, input, h("button", { id: "search-btn", type: "submit" }, t("go")));
  const root = h("section", { class: "page" }, h("h1", {}, t("search")), form);
  if (!q) {
    root.append(await statsPanel());
    return root;
  }
  const res = await api("/api/search", { q, limit: PAGE, offset });
  root.append(h("p", { class: "muted", id: "search-count" }, `${fmtNum(res.total)} ${t("results")}`));
  if (!res.items.length) root.append(h("p", {}, t("noResults")));
  root.append(h("ol", { class: "hits", start: offset + 1 }, res.items.map((hit) =>
    h("li", { class: "hit" },
      h("a", { class: "hit-title", href: hit.event_id ? `#/event/${hit.event_id}` : `#/article/${hit.article_id}?q=${encodeURIComponent(q)}` },
        hit.title || hit.ext_id),
      hit.kind === "evidence" ? h("span", { class: "kind" }, t("evidence")) : null,
      h("div", { class: "hit-meta" }, hit.published || "", hit.url ? [" · ", h("span", { class: "url", dir: "ltr" }, hit.url)] : ""),
      h("p", { class: "snippet" }, snippet(hit.snippet))))));
  root.append(pager(res, (o) => `#/search?q=${encodeURIComponent(q)}&offset=${o}`));
  return root;
}

export function pager(res, link) {
  const last = Math.min(res.offset + res.limit, res.total);
  return h("nav", { class: "pager" },
    res.offset > 0 ? h("a", { href: link(Math.max(0, res.offset - res.limit)), class: "btn", id: "prev" }, t("prev")) : null,
    h("span", { class: "muted" }, `${fmtNum(res.total ? res.offset + 1 : 0)}–${fmtNum(last)} ${t("of")} ${fmtNum(res.total)}`),
    last < res.total ? h("a", { href: link(res.offset + res.limit), class: "btn", id: "next" }, t("next")) : null);
}

async function statsPanel() {
  const s = await api("/api/stats");
  const card = (n, label, href) => h("a", { class: "stat", href }, h("strong", {}, fmtNum(n)), h("span", {}, label));
  return h("div", { class: "stats" },
    card(s.articles, t("articlesCount"), "#/search"),
    card(s.events, t("eventsCount"), "#/events"),
    card(s.merged_events, t("mergedCount"), "#/events?view=merged"),
    card(s.actors, t("actors"), "#/network"));
}
