// aqparat serve: reloads the page after each build and shows build errors
// over the last good page. Injected by `aqparat serve` only, never by `build`.
(function () {
  "use strict";
  var ID = "aqparat-errors";
  function clear() {
    var old = document.getElementById(ID);
    if (old) old.remove();
  }
  // The errors in the page's language, else in aqparat's.
  function show(failure) {
    var lang = (document.documentElement.lang || "").toLowerCase().split("-")[0];
    var shown = failure.messages[lang] || failure.messages[failure.lang];
    clear();
    var box = document.createElement("div");
    box.id = ID;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.94);color:#fff;padding:1.5rem;font:14px/1.45 monospace;";
    var title = document.createElement("p");
    title.style.cssText = "font:bold 18px sans-serif;margin:0 0 1rem;color:#ffb4a8";
    title.textContent = shown.title;
    var text = document.createElement("pre");
    text.style.cssText = "white-space:pre-wrap;margin:0";
    text.textContent = shown.errors.join("\n\n");
    box.appendChild(title);
    box.appendChild(text);
    document.body.appendChild(box);
  }
  // The stream opens with the last build's errors if it failed, or with a
  // reload if a good build came after the one this page is of.
  var script = document.currentScript;
  var build = script ? new URL(script.src).searchParams.get("build") : null;
  var events = new EventSource("/__aqparat/events" + (build ? "?build=" + build : ""));
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("failed", function (e) { show(JSON.parse(e.data)); });
})();
