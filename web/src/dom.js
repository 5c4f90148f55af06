// Small DOM helpers: elements are built with textContent, never innerHTML, so
// article text from anywhere cannot inject markup.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// api fetches a JSON endpoint and throws the server's {"error"} message.
export async function api(path, params) {
  const qs = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)) : null;
  const res = await fetch(qs && [...qs].length ? `${path}?${qs}` : path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

// snippet renders highlighted snippet segments [{text, mark}] from the API.
export function snippet(segs) {
  return (segs || []).map((s) => (s.mark ? h("mark", {}, s.text) : s.text));
}

// toUnits maps code-point offsets (the API's) to UTF-16 offsets (JavaScript's).
export function codePointIndex(text) {
  const idx = [0];
  let u = 0;
  for (const ch of text) {
    u += ch.length;
    idx.push(u);
  }
  return (cp) => idx[Math.max(0, Math.min(cp, idx.length - 1))];
}

export function actorChips(list, cls) {
  return (list || []).map((a) =>
    h("span", { class: `chip ${cls || ""}`, title: a.name || a.code }, a.text || a.name || a.code, " ", h("code", {}, a.code)));
}
