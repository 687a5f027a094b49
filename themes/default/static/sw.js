// Offline reading: the service worker that offline.js registers. Pages
// (and the styles, scripts, fonts and pictures they use) always come from
// the network while it answers, and each good answer is kept; when the
// network fails, the kept copy is shown. The pages offline.js lists (the
// home pages and the menu) are kept as soon as the worker runs.
"use strict";

// A new VERSION drops every cache an older worker kept.
var VERSION = "aqparat-offline-1";
var SCOPE = new URL(self.registration.scope);
var KEPT = ["document", "style", "script", "font", "image"];

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("aqparat-offline-") === 0 && name !== VERSION;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// Whether a request is the site's own and worth keeping: a GET of a page or
// of what a page shows, inside the worker's scope (the site's base path),
// and not the search index (large, and useless without the network's
// answers to a search).
function keeps(request) {
  return request.method === "GET" && isOwn(request.url) &&
    (request.mode === "navigate" || KEPT.indexOf(request.destination) >= 0);
}

function isOwn(address) {
  var url = new URL(address, SCOPE);
  return url.origin === SCOPE.origin && url.pathname.indexOf(SCOPE.pathname) === 0 &&
    url.pathname.indexOf(SCOPE.pathname + "pagefind/") !== 0;
}

// Keeps a good, complete answer of the site itself (not a redirect, which a
// page load may not be given from a cache).
function keep(request, response) {
  if (!response.ok || response.type !== "basic" || response.redirected) {
    return Promise.resolve();
  }
  return caches.open(VERSION).then(function (cache) { return cache.put(request, response); });
}

// The network's answer, kept; its kept copy when the network fails or the
// server fails (5xx). A 404 is the network's answer: the page is gone.
function fromNetwork(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    if (response.status >= 500) throw response;
    event.waitUntil(keep(request, response.clone()));
    return response;
  }).catch(function (failure) {
    return caches.match(request, { ignoreVary: true }).then(function (copy) {
      if (copy) return request.mode === "navigate" ? marked(copy) : copy;
      if (failure instanceof Response) return failure;
      throw failure;
    });
  });
}

// A kept page, marked (<html data-offline>) for the theme's notice that
// it is a copy, which may be out of date.
function marked(copy) {
  return copy.text().then(function (html) {
    return new Response(html.replace("<html ", "<html data-offline "), {
      status: copy.status,
      headers: { "Content-Type": copy.headers.get("Content-Type") || "text/html; charset=utf-8" }
    });
  });
}

self.addEventListener("fetch", function (event) {
  if (keeps(event.request)) event.respondWith(fromNetwork(event));
});

// How long a page kept ahead of reading stays as it is; after that, a visit
// to any page fetches it again (an hour: rules may change within a day,
// and a phone on a slow network should not fetch the menu on every visit).
var AHEAD_FOR = 60 * 60 * 1000;

// Whether a kept copy was fetched within AHEAD_FOR (by its Date header).
function isRecent(copy) {
  return Boolean(copy) && Date.parse(copy.headers.get("Date")) > Date.now() - AHEAD_FOR;
}

// offline.js sends the addresses to keep ahead of reading: each is fetched
// unless its kept copy is recent.
self.addEventListener("message", function (event) {
  var urls = event.data && event.data.keep;
  if (!Array.isArray(urls)) return;
  event.waitUntil(caches.open(VERSION).then(function (cache) {
    return Promise.all(urls.filter(isOwn).map(function (url) {
      var request = new Request(new URL(url, SCOPE).href);
      return cache.match(request).then(function (copy) {
        return isRecent(copy) || fetch(request).then(function (response) {
          return keep(request, response);
        }, function () { /* offline now: kept at the next visit */ });
      });
    }));
  }));
});
