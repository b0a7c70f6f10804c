// Dateline's conveniences. The pages work without this file: every control is a link or a
// form. Here: filters shown beside the results on wide screens where CSS cannot do it,
// completions of speakers and places in the search box, finding a value inside a facet, and on
// a phone, choices in the Filters panel gathered and applied together.
"use strict";

(function () {
  const wide = window.matchMedia("(min-width: 48rem)");

  function openFiltersWhenWide() {
    const filters = document.getElementById("filters");
    if (!filters || CSS.supports("selector(::details-content)")) return;
    const follow = () => { if (wide.matches) filters.open = true; };
    follow();
    wide.addEventListener("change", follow);
  }

  function debounce(fn, ms) {
    let timer;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${response.status} for ${url}`);
    return response.json();
  }

  // --- completions: the ARIA 1.2 combobox pattern -------------------------------------------

  const SYNTAX = /["():|~*]|(^|\s)-|\w:/;

  function suggest(input) {
    const form = input.form;
    const list = document.createElement("ul");
    list.id = "suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.after(list);
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    list.after(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    let options = [];
    let active = -1;
    let asked = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(n) {
      active = n;
      options.forEach((option, i) => option.el.setAttribute("aria-selected", String(i === n)));
      if (n >= 0) input.setAttribute("aria-activedescendant", options[n].el.id);
      else input.removeAttribute("aria-activedescendant");
    }

    function choose(option) {
      // The words typed named a person or a place: they become a filter instead.
      const params = new URLSearchParams(new FormData(form));
      params.delete("q");
      params.delete("page");
      params.append(option.key, option.value);
      for (const [key, value] of [...params]) if (!value) params.delete(key);
      window.location.assign(`${form.getAttribute("action")}?${params}`);
    }

    function show(found) {
      list.replaceChildren();
      options = found.map((option, i) => {
        const el = document.createElement("li");
        el.id = `suggestion-${i}`;
        el.setAttribute("role", "option");
        el.setAttribute("aria-selected", "false");
        el.textContent = option.label;
        const kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = option.kind;
        el.append(kind);
        el.addEventListener("mousedown", (event) => { event.preventDefault(); choose(option); });
        list.append(el);
        return { ...option, el };
      });
      active = -1;
      list.hidden = options.length === 0;
      input.setAttribute("aria-expanded", String(options.length > 0));
      status.textContent = options.length
        ? `${options.length} suggestions: arrow down to choose one, as a filter.`
        : "";
    }

    const lookUp = debounce(async () => {
      const typed = input.value.trim();
      if (typed.length < 2 || SYNTAX.test(typed) || typed.split(/\s+/).length > 4) { close(); return; }
      asked = typed;
      const prefix = encodeURIComponent(typed);
      try {
        const [people, places] = await Promise.all([
          getJSON(`/api/speakers?prefix=${prefix}&size=5`),
          getJSON(`/api/facets/place?prefix=${prefix}&size=4`),
        ]);
        if (asked !== input.value.trim()) return; // typed on meanwhile
        show([
          ...people.speakers.map((p) => ({
            label: p.name, kind: `speaker · ${p.quotes} quotes`, key: "speaker", value: p.id,
          })),
          ...places.values.map((p) => ({
            label: p.value, kind: `place · ${p.count} articles`, key: "place", value: p.value,
          })),
        ]);
      } catch (error) {
        close(); // completions are a convenience: the search itself still works
      }
    }, 150);

    input.addEventListener("input", lookUp);
    input.addEventListener("blur", close);
    input.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
  }

  // --- finding a value inside a long facet --------------------------------------------------

  function facetFilter(input) {
    const filters = document.getElementById("filters");
    const facet = input.dataset.facet;
    const list = document.getElementById(`values-${facet}`);
    const original = [...list.children];
    const excludable = list.dataset.excludable === "true";
    const noun = filters.dataset.noun;
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.after(status);
    input.hidden = false;

    // The facet's values in the URL but this bucket's, selected or excluded (as the server's
    // `State._others`, less its reading of hand-typed names, which only the page's own values
    // need: those are shown as the server drew them).
    function others(params, bucket) {
      const names = [bucket.value, bucket.id || ""].map((n) => n.toLowerCase());
      return params.getAll(facet).filter(
        (v) => !names.includes((v.startsWith("-") ? v.slice(1) : v).toLowerCase()));
    }

    function link(bucket, excluding) {
      const params = new URLSearchParams(filters.dataset.state);
      params.delete("page");
      const kept = others(params, bucket);
      if (excluding && !bucket.excluded) kept.push(`-${bucket.value}`);
      if (!excluding && !bucket.selected) kept.push(bucket.id || bucket.value);
      params.delete(facet);
      kept.forEach((v) => params.append(facet, v));
      params.set("filters", "open");  // as the server's links: the panel stays open
      return `${filters.dataset.path}?${params}`;
    }

    function item(bucket) {
      // A value the page drew already keeps the server's links, exclusion and all.
      const drawn = original.find((li) => li.querySelector("a.value")?.dataset.name === bucket.value);
      if (drawn) return drawn;
      const li = document.createElement("li");
      if (bucket.excluded) li.className = "excluded";
      const a = document.createElement("a");
      a.className = "value";
      a.href = link(bucket, false);
      a.dataset.value = bucket.id || bucket.value;
      a.dataset.name = bucket.value;
      if (bucket.selected) a.setAttribute("aria-current", "true");
      const box = document.createElement("span");
      box.className = "box";
      box.setAttribute("aria-hidden", "true");
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = bucket.value;
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = bucket.count.toLocaleString("en");
      const said = document.createElement("span");
      said.className = "visually-hidden";
      said.textContent = ` ${bucket.count === 1 ? noun.slice(0, -1) : noun}`
        + `${bucket.selected ? ", selected" : ""}${bucket.excluded ? ", excluded" : ""}`;
      count.append(said);
      a.append(box, name, count);
      li.append(a);
      if (excludable) {
        const not = document.createElement("a");
        not.className = "exclude";
        not.href = link(bucket, true);
        if (bucket.excluded) not.setAttribute("aria-current", "true");
        const why = document.createElement("span");
        why.className = "visually-hidden";
        why.textContent = ` ${bucket.value}${bucket.excluded ? ": show it again" : ": leave it out"}`;
        not.append(bucket.excluded ? "include" : "not", why);
        li.append(not);
      }
      return li;
    }

    const lookUp = debounce(async () => {
      const typed = input.value.trim();
      if (!typed) { list.replaceChildren(...original); status.textContent = ""; return; }
      const params = new URLSearchParams(filters.dataset.filters);
      params.set("prefix", typed);
      params.set("size", "30");
      try {
        const found = await getJSON(`/api/facets/${facet}?${params}`);
        if (typed !== input.value.trim()) return;
        status.textContent = `${found.values.length} found`;
        if (found.values.length) {
          list.replaceChildren(...found.values.map(item));
        } else {
          const none = document.createElement("li");
          none.className = "none";
          none.textContent = `None starting “${typed}”`;
          list.replaceChildren(none);
        }
      } catch (error) {
        list.replaceChildren(...original);
      }
    }, 150);
    input.addEventListener("input", lookUp);
  }

  // --- on a phone: the Filters panel stays open while choosing, "Apply" applies --------------
  // Without this, each value is a link that applies at once (and reopens the panel).

  function gatherWhenNarrow() {
    const filters = document.getElementById("filters");
    const form = document.getElementById("apply");
    if (!filters || !form) return;
    const chosen = new URLSearchParams(filters.dataset.state);
    chosen.delete("page");
    const changed = new Set();
    const status = form.querySelector(".pending");

    function same(a, b) { return a.toLowerCase() === b.toLowerCase(); }

    function toggle(link) {
      const facet = link.closest("[data-facet]").dataset.facet;
      const { value, name } = link.dataset;
      const selected = link.getAttribute("aria-current") === "true";
      const values = chosen.getAll(facet);
      let kept;
      if (selected) {
        kept = values.filter((v) => !same(v, value) && !same(v, name));
        if (kept.length === values.length) {
          // Chosen by another spelling (a surname): the other people chosen stay, by id.
          kept = [...document.querySelectorAll(`#values-${facet} a.value[aria-current=true]`)]
            .filter((other) => other !== link).map((other) => other.dataset.value);
        }
        link.removeAttribute("aria-current");
      } else {
        kept = [...values, value];
        link.setAttribute("aria-current", "true");
      }
      chosen.delete(facet);
      kept.forEach((v) => chosen.append(facet, v));
      const said = link.querySelector(".count .visually-hidden");
      if (said) said.textContent = said.textContent.replace(/, selected$/, "") + (selected ? "" : ", selected");
      const key = `${facet}\u0000${value}`;
      if (changed.has(key)) changed.delete(key); else changed.add(key);
      form.querySelectorAll("input[type=hidden]").forEach((input) => input.remove());
      const button = form.querySelector("button");
      for (const [k, v] of chosen) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = k;
        input.value = v;
        button.before(input);
      }
      form.hidden = changed.size === 0;
      status.textContent = changed.size
        ? `${changed.size} ${changed.size === 1 ? "choice" : "choices"} to apply`
        : "";
    }

    filters.addEventListener("click", (event) => {
      const link = event.target.closest("a.value");
      if (!link || wide.matches || !link.dataset.value) return;
      event.preventDefault();
      toggle(link);
    });
  }

  function start() {
    openFiltersWhenWide();
    gatherWhenNarrow();
    document.querySelectorAll("input[data-suggest]").forEach(suggest);
    document.querySelectorAll("input.facet-filter").forEach(facetFilter);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
