// One article with every event's evidence sentence marked and listed.
import { h, api, codePointIndex } from "../dom.js";
import { t, lang } from "../i18n.js";
import { typeBadge } from "./events.js";

export async function articlePage({ id, params }) {
  const { article, annotations, event_ids: ids } = await api(`/api/articles/${encodeURIComponent(id)}`);
  const text = article.text;
  const u = codePointIndex(text);
  const q = (params.get("q") || "").trim();
  const evs = annotations.events.map((e, i) => ({ ...e, id: ids ? ids[i] : undefined }))
    .sort((a, b) => a.evidence.start - b.evidence.start);
  const parts = [];
  let at = 0;
  for (const e of evs) {
    const s = u(e.evidence.start);
    if (s < at) continue; // a second event in the same sentence
    parts.push(text.slice(at, s));
    const end = u(e.evidence.end);
    parts.push(h("a", { href: e.id ? `#/event/${e.id}` : undefined, class: "ev-link" },
      h("mark", { class: "evidence", title: e.type }, text.slice(s, end))));
    at = end;
  }
  parts.push(text.slice(at));
  return h("section", { class: "page" },
    h("p", {}, h("a", { href: q ? `#/search?q=${encodeURIComponent(q)}` : "#/search", class: "btn ghost small" }, t("back"))),
    h("h1", {}, article.title || article.ext_id),
    h("p", { class: "muted" }, `${t("published")}: `, h("span", { dir: "ltr" }, article.published || "—"),
      article.url ? [" · ", h("a", { href: article.url, dir: "ltr", rel: "noopener noreferrer" }, article.url)] : ""),
    h("div", { class: "split" },
      h("article", { class: "card" }, h("div", { class: "article-text" }, parts)),
      h("aside", { class: "card" },
        h("h2", {}, t("events")),
        h("ul", { class: "plain" }, evs.map((e) => h("li", {},
          e.id ? h("a", { href: `#/event/${e.id}` }, typeBadge(e)) : typeBadge(e), " ",
          e.actors.map((a) => (lang() === "ar" ? a.text || a.name : a.name || a.text)).join(lang() === "ar" ? "، " : ", ")))),
        annotations.quotes.length ? [h("h2", { class: "spaced" }, t("quotes")), h("ul", { class: "plain quotes" }, annotations.quotes.map((x) =>
          h("li", {}, h("strong", {}, x.speaker.text || x.speaker.code), ": ", x.direct ? `«${x.text}»` : x.text)))] : null)));
}
