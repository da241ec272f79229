// Autocomplete for actor/country inputs: the only script the UI needs (pages work without it).
(function () {
  "use strict";
  function debounce(fn, ms) {
    let t;
    return function (...args) { clearTimeout(t); t = setTimeout(() => fn.apply(this, args), ms); };
  }
  function attach(input) {
    const wrap = input.parentElement;
    if (getComputedStyle(wrap).position === "static") wrap.style.position = "relative";
    const list = document.createElement("ul");
    list.className = "ac-list";
    list.hidden = true;
    wrap.appendChild(list);
    let items = [], active = -1;
    const inSearchBox = input.name === "q";
    function choose(hit) {
      if (inSearchBox) { window.location.href = "/actors/" + encodeURIComponent(hit.id); return; }
      input.value = hit.id;
      list.hidden = true;
    }
    function render() {
      list.textContent = "";
      items.forEach((hit, i) => {
        const li = document.createElement("li");
        if (i === active) li.className = "active";
        const name = document.createElement("span");
        name.textContent = hit.name;
        const kind = document.createElement("span");
        kind.className = "ac-kind";
        kind.textContent = hit.description || hit.kind;
        li.append(name, kind);
        li.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(hit); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
    }
    const lookup = debounce(async function () {
      const q = input.value.trim();
      if (q.length < 2) { items = []; render(); return; }
      try {
        const resp = await fetch("/search.json?limit=8&q=" + encodeURIComponent(q),
          { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!resp.ok) return;
        const data = await resp.json();
        if (input.value.trim() !== q) return;
        items = data.results || [];
        active = -1;
        render();
      } catch (e) { /* offline or server error: the plain form still works */ }
    }, 150);
    input.addEventListener("input", lookup);
    input.addEventListener("keydown", (ev) => {
      if (list.hidden) return;
      if (ev.key === "ArrowDown") { active = Math.min(items.length - 1, active + 1); render(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = Math.max(0, active - 1); render(); ev.preventDefault(); }
      else if (ev.key === "Enter" && active >= 0) { choose(items[active]); ev.preventDefault(); }
      else if (ev.key === "Escape") { list.hidden = true; }
    });
    input.addEventListener("blur", () => setTimeout(() => { list.hidden = true; }, 150));
  }
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("input[data-autocomplete]").forEach(attach);
  });
})();
