// masar's web UI: a hash router over the pages, the header and the language toggle.
import "./style.css";
import { h, clear } from "./dom.js";
import { t, lang, setLang } from "./i18n.js";
import { searchPage } from "./pages/search.js";
import { eventsPage, eventPage } from "./pages/events.js";
import { articlePage } from "./pages/article.js";
import { timelinePage } from "./pages/timeline.js";
import { networkPage } from "./pages/network.js";
import { mapPage } from "./pages/map.js";
import { processesPage, processPage } from "./pages/processes.js";

const pages = [
  ["search", searchPage],
  ["events", eventsPage],
  ["timeline", timelinePage],
  ["network", networkPage],
  ["map", mapPage],
  ["processes", processesPage],
];
const detail = { event: eventPage, article: articlePage, process: processPage };

function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [pathPart, query = ""] = hash.split("?");
  const [name = "events", id] = pathPart.split("/");
  return { name: name || "events", id: id ? decodeURIComponent(id) : undefined, params: new URLSearchParams(query) };
}

function renderNav(active) {
  const nav = clear(document.getElementById("nav"));
  for (const [name] of pages) {
    nav.append(h("a", { href: `#/${name}`, id: `nav-${name}`, class: name === active ? "active" : "" }, t(name)));
  }
  document.getElementById("lang-toggle").textContent = t("lang");
  document.getElementById("foot").textContent =
    lang() === "ar" ? "مسار: أحداث سياسية مرمّزة وفق PLOVER من الأخبار العربية" : "masar: PLOVER-coded political events from Arabic news";
}

let generation = 0;

async function render() {
  const r = route();
  const gen = ++generation;
  const parentOf = { event: "events", article: "search", process: "processes" };
  renderNav(parentOf[r.name] || r.name);
  const app = clear(document.getElementById("app"));
  const page = detail[r.name] || (pages.find(([n]) => n === r.name) || pages[1])[1];
  app.append(h("p", { class: "muted" }, t("loading")));
  try {
    const el = await page(r);
    if (gen !== generation) return; // a newer navigation won
    clear(app).append(el);
  } catch (err) {
    if (gen !== generation) return;
    clear(app).append(h("p", { class: "error", role: "alert" }, `${t("error")}: ${err.message}`));
  }
}

document.getElementById("lang-toggle").addEventListener("click", () => {
  setLang(lang() === "ar" ? "en" : "ar");
  render();
});
window.addEventListener("hashchange", render);
setLang(lang());
render();
