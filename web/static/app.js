// The UI's one script (pages work without it): the menu below 900 px, and autocomplete for
// actor/country inputs as an ARIA combobox (arrow keys, Enter, Escape).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  function debounce(fn, ms) {
    let t;
    return function (...args) { clearTimeout(t); t = setTimeout(() => fn.apply(this, args), ms); };
  }
  function menu() {
    const button = document.querySelector(".menu-toggle");
    if (!button) return;
    const bar = button.closest(".topbar");
    button.hidden = false;
    function set(open) {
      bar.classList.toggle("nav-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    button.addEventListener("click", () => set(!bar.classList.contains("nav-open")));
    document.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && bar.classList.contains("nav-open")) { set(false); button.focus(); }
    });
  }
  let lists = 0;
  function attach(input) {
    const wrap = input.parentElement;
    if (getComputedStyle(wrap).position === "static") wrap.style.position = "relative";
    const listId = "ac-list-" + (++lists);
    const list = document.createElement("ul");
    list.className = "ac-list";
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    wrap.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    let items = [], active = -1;
    const inSearchBox = input.name === "q";
    function show(open) {
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) input.removeAttribute("aria-activedescendant");
    }
    function choose(hit) {
      if (inSearchBox) { window.location.href = "/actors/" + encodeURIComponent(hit.id); return; }
      input.value = hit.id;
      show(false);
    }
    function render() {
      list.textContent = "";
      items.forEach((hit, i) => {
        const li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", i === active ? "true" : "false");
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
      show(items.length > 0);
      if (active >= 0 && items.length) {
        input.setAttribute("aria-activedescendant", listId + "-" + active);
        document.getElementById(listId + "-" + active).scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
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
      if (ev.key === "ArrowDown" && list.hidden && items.length) { render(); ev.preventDefault(); return; }
      if (list.hidden) return;
      if (ev.key === "ArrowDown") { active = (active + 1) % items.length; render(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = active <= 0 ? items.length - 1 : active - 1; render(); ev.preventDefault(); }
      else if (ev.key === "Enter" && active >= 0) { choose(items[active]); ev.preventDefault(); }
      else if (ev.key === "Escape") { show(false); ev.stopPropagation(); }
    });
    input.addEventListener("blur", () => setTimeout(() => show(false), 150));
  }
  document.addEventListener("DOMContentLoaded", () => {
    menu();
    document.querySelectorAll("input[data-autocomplete]").forEach(attach);
  });
})();
