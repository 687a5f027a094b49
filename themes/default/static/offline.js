// Offline reading, as progressive enhancement: registers the site's service
// worker (sw.js, beside this file, so that it serves the whole site) and
// hands it the addresses to keep ahead of reading: data-keep (the home
// pages, the styles) and the links of the page's menu (nav.menu), read
// from the page rather than repeated in every page's script tag. Without
// JavaScript, or a browser without service workers, the site works as
// before, online.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var keep = (script.getAttribute("data-keep") || "").split(" ").filter(Boolean);
  var menu = document.querySelectorAll("nav.menu a[href]");
  for (var i = 0; i < menu.length; i++) keep.push(menu[i].getAttribute("href"));
  navigator.serviceWorker.register(script.getAttribute("data-worker")).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    registration.active.postMessage({ keep: keep });
  }).catch(function () { /* not over https, or storage refused: online only */ });
})();
