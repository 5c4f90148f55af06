// Interface strings in Arabic (the default) and English, and the labels of
// the coding scheme's values (CODING.md).

const strings = {
  ar: {
    search: "البحث", events: "الأحداث", timeline: "الخط الزمني", network: "شبكة الفاعلين",
    map: "الخريطة", processes: "المسارات", articles: "المقالات", lang: "English",
    searchPlaceholder: "ابحث في المقالات والأدلة… (مثال: المشاورات)", go: "بحث",
    results: "نتيجة", noResults: "لا توجد نتائج.", loading: "جارٍ التحميل…",
    actor: "الفاعل", recipient: "المتلقي", type: "النوع", process: "المسار", place: "المكان",
    modality: "الصيغة", from: "من", to: "إلى", text: "نص", all: "الكل", apply: "تطبيق",
    reset: "مسح", date: "التاريخ", article: "المقال", prev: "السابق", next: "التالي",
    of: "من", trigger: "المؤشر", evidence: "جملة الدليل", mode: "النمط", actors: "الفاعلون",
    recipients: "المتلقون", source: "المصدر", openArticle: "عرض المقال", back: "→ رجوع",
    eventsCount: "حدث", rounds: "الجولات", round: "الجولة", venue: "المكان",
    participants: "المشاركون حسب الدور", outcomes: "النتائج", status: "الحالة", noRounds: "لا توجد بيانات جولات لهذا المسار بعد.",
    noProcesses: "لم تُسند أحداث إلى مسارات بعد.", processTimeline: "الخط الزمني للمسار",
    verbal_coop: "تعاون لفظي", material_coop: "تعاون مادي", verbal_conflict: "نزاع لفظي",
    material_conflict: "نزاع مادي", weight: "عدد الأحداث", download: "تنزيل",
    noData: "لا توجد بيانات.", error: "خطأ", published: "تاريخ النشر", quotes: "الاقتباسات",
    legend: "مفتاح", stats: "إحصاءات", articlesCount: "مقال", mergedCount: "حدث مدمج", syria: "سوريا", allPlaces: "كل الأماكن",
    mentions: "الذِّكر", sources: "المصادر", merged: "الأحداث المدمجة", placesList: "الأماكن",
    mapNote: "حجم الدائرة يتناسب مع عدد الأحداث.", networkNote: "السهم من الفاعل إلى المتلقي، وسماكته بعدد الأحداث.",
    timelineNote: "عدد الأحداث في كل يوم حسب الفئة الرباعية.",
  },
  en: {
    search: "Search", events: "Events", timeline: "Timeline", network: "Actor network",
    map: "Map", processes: "Processes", articles: "Articles", lang: "العربية",
    searchPlaceholder: "Search articles and evidence… (e.g. المشاورات)", go: "Search",
    results: "results", noResults: "No results.", loading: "Loading…",
    actor: "Actor", recipient: "Recipient", type: "Type", process: "Process", place: "Place",
    modality: "Modality", from: "From", to: "To", text: "Text", all: "All", apply: "Apply",
    reset: "Clear", date: "Date", article: "Article", prev: "Previous", next: "Next",
    of: "of", trigger: "Trigger", evidence: "Evidence", mode: "Mode", actors: "Actors",
    recipients: "Recipients", source: "Source", openArticle: "Open article", back: "← Back",
    eventsCount: "events", rounds: "Rounds", round: "Round", venue: "Venue",
    participants: "Participants by role", outcomes: "Outcomes", status: "Status", noRounds: "No rounds recorded for this process yet.",
    noProcesses: "No events have been assigned to processes yet.", processTimeline: "Process timeline",
    verbal_coop: "Verbal cooperation", material_coop: "Material cooperation", verbal_conflict: "Verbal conflict",
    material_conflict: "Material conflict", weight: "events", download: "Download",
    noData: "No data.", error: "Error", published: "Published", quotes: "Quotes",
    legend: "Legend", stats: "Statistics", articlesCount: "articles", mergedCount: "merged events", syria: "Syria", allPlaces: "All places",
    mentions: "Mentions", sources: "Sources", merged: "Merged events", placesList: "Places",
    mapNote: "Circle area is proportional to the number of events.", networkNote: "Arrows go from actor to recipient; width is the number of events.",
    timelineNote: "Events per day by quad class.",
  },
};

const types = {
  AGREE: ["اتفاق وتعهد", "Agree"], CONSULT: ["تشاور", "Consult"], SUPPORT: ["تأييد", "Support"],
  CONCEDE: ["تنازل", "Concede"], COOPERATE: ["تعاون", "Cooperate"], AID: ["مساعدة", "Aid"],
  RETREAT: ["تهدئة وانسحاب", "Retreat"], REQUEST: ["مطالبة", "Request"], ACCUSE: ["اتهام", "Accuse"],
  REJECT: ["رفض", "Reject"], THREATEN: ["تهديد", "Threaten"], PROTEST: ["احتجاج", "Protest"],
  SANCTION: ["عقوبة", "Sanction"], MOBILIZE: ["تعبئة", "Mobilize"], COERCE: ["إكراه", "Coerce"],
  ASSAULT: ["هجوم", "Assault"],
};

const modalities = {
  asserted: ["مؤكد", "asserted"], future: ["مستقبلي", "future"],
  hypothetical: ["افتراضي", "hypothetical"], negated: ["منفي", "negated"],
};

const roles = {
  guarantor: ["الدول الضامنة", "Guarantors"], observer: ["المراقبون", "Observers"],
  party: ["الأطراف", "Parties"], mediator: ["الوسطاء", "Mediators"], host: ["الدولة المضيفة", "Host"],
  member: ["الأعضاء", "Members"], other: ["مشاركون آخرون", "Others"],
};

const statuses = {
  held: ["انعقدت", "held"], announced: ["أُعلن موعدها", "announced"], "being prepared": ["قيد التحضير", "being prepared"],
};

export const TYPES = Object.keys(types);
export const MODALITIES = Object.keys(modalities);
export const ROLES = Object.keys(roles);
export const QUADS = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];

let current = localStorage.getItem("masar.lang") === "en" ? "en" : "ar";

export function lang() { return current; }

export function setLang(l) {
  current = l === "en" ? "en" : "ar";
  localStorage.setItem("masar.lang", current);
  document.documentElement.lang = current;
  document.documentElement.dir = current === "ar" ? "rtl" : "ltr";
}

export function t(key) { return strings[current][key] ?? key; }

const pick = (table, key) => (table[key] ? table[key][current === "ar" ? 0 : 1] : key);
export const typeLabel = (k) => pick(types, k);
export const modalityLabel = (k) => pick(modalities, k);
export const roleLabel = (k) => pick(roles, k);
export const statusLabel = (k) => pick(statuses, k);

const num = () => new Intl.NumberFormat(current === "ar" ? "ar-u-nu-latn" : "en");
export function fmtNum(n) { return num().format(n); }

const quadOfType = {
  AGREE: "verbal_coop", CONSULT: "verbal_coop", SUPPORT: "verbal_coop", CONCEDE: "verbal_coop",
  COOPERATE: "material_coop", AID: "material_coop", RETREAT: "material_coop",
  REQUEST: "verbal_conflict", ACCUSE: "verbal_conflict", REJECT: "verbal_conflict", THREATEN: "verbal_conflict",
  PROTEST: "material_conflict", SANCTION: "material_conflict", MOBILIZE: "material_conflict",
  COERCE: "material_conflict", ASSAULT: "material_conflict",
};
export function quadOf(type) { return quadOfType[type] || "verbal_coop"; }
export const QUAD_COLORS = { verbal_coop: "#5b9bd5", material_coop: "#2e7d5b", verbal_conflict: "#e39b2d", material_conflict: "#c0392b" };

// fmtMonth labels a month on a time axis.
export function fmtMonth(d) {
  return new Intl.DateTimeFormat(current === "ar" ? "ar-u-nu-latn" : "en", { month: "short", year: "numeric" }).format(d);
}
