// Search, as progressive enhancement: the header's link to the index of all
// pages becomes a search box. Pagefind's library and index are fetched only
// when the reader starts typing, and the index is that of the page's
// language (Pagefind reads <html lang>). Without JavaScript the link stays.
(function () {
  "use strict";
  var link = document.querySelector("a.search-link[data-search]");
  if (!link || !window.fetch || !window.Promise) return;

  var pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(link.getAttribute("data-search")).then(function (pf) {
        return pf.options({ excerptLength: 24 }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes) node.setAttribute(name, attributes[name]);
    if (text) node.textContent = text;
    return node;
  }

  // Pagefind marks the matched words with <mark>; everything else is text.
  function excerpt(html) {
    var p = element("p", {});
    html.split(/(<mark>[^<]*<\/mark>)/).forEach(function (part) {
      var mark = /^<mark>([^<]*)<\/mark>$/.exec(part);
      p.appendChild(mark ? element("mark", {}, mark[1]) : document.createTextNode(part));
    });
    return p;
  }

  var form = element("form", { "class": "search", role: "search", action: link.href });
  var input = element("input", {
    id: "search-input", type: "search", name: "q", autocomplete: "off",
    placeholder: link.getAttribute("data-placeholder")
  });
  var results = element("div", {
    "class": "search-results", role: "region", "aria-live": "polite",
    "aria-label": link.getAttribute("data-results")
  });
  form.appendChild(element("label", { "for": "search-input", "class": "visually-hidden" },
    link.getAttribute("data-label")));
  form.appendChild(input);
  form.appendChild(results);
  link.parentNode.replaceChild(form, link);

  function show(query, found) {
    results.textContent = "";
    if (!query) return;
    if (!found.length) {
      results.appendChild(element("p", {}, link.getAttribute("data-none")));
      return;
    }
    var list = element("ol", {});
    found.forEach(function (data) {
      var item = element("li", {});
      item.appendChild(element("a", { href: data.url }, data.meta.title));
      item.appendChild(excerpt(data.excerpt));
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function search() {
    var query = input.value.trim();
    if (!query) return show("", []);
    load().then(function (pf) {
      return pf.debouncedSearch(query, {}, 250);
    }).then(function (search) {
      // null: a newer query superseded this one.
      if (search === null) return;
      if (!search) return show(query, []);
      return Promise.all(search.results.slice(0, 8).map(function (r) { return r.data(); }))
        .then(function (found) { if (input.value.trim() === query) show(query, found); });
    });
  }

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
})();
