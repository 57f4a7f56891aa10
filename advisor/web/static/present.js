// The presenter's keys and live updates. Without this script the page still works through its
// links and buttons and reloads itself every few seconds.
//
// Keys, as in `advisor workshop present`: space, right, down, Enter, Page Down, n: next (on a
// screen with hidden answers the first press reveals them, so a presenter's clicker works);
// left, up, Backspace, Page Up, p: back; r: reveal; Home/End: first/last screen.
(function () {
  "use strict";
  var body = document.body;
  var NEXT = [" ", "ArrowRight", "ArrowDown", "Enter", "PageDown", "n", "j"];
  var BACK = ["ArrowLeft", "ArrowUp", "Backspace", "PageUp", "p", "b", "k"];

  function data(name) { return body.getAttribute("data-" + name) || ""; }

  // Swap in the page at a response's address: no flicker, the event stream stays open.
  function apply(response) {
    if (!response.ok) { window.location.href = response.url; return; }
    return response.text().then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      ["main", "nav.controls", "header.bar"].forEach(function (selector) {
        var now = document.querySelector(selector);
        var next = page.querySelector(selector);
        if (now && next) { now.replaceWith(next); }
      });
      Array.prototype.slice.call(page.body.attributes).forEach(function (attribute) {
        if (attribute.name.indexOf("data-") === 0) { body.setAttribute(attribute.name, attribute.value); }
      });
      document.title = page.title;
      if (response.url && response.url !== window.location.href) {
        window.history.replaceState(null, "", response.url);
      }
    });
  }

  function load(url, push) {
    if (push) { window.history.pushState(null, "", url); }
    return fetch(url, { credentials: "same-origin" }).then(apply).catch(function () {
      window.location.href = url;
    });
  }

  function reveal() {
    var form = new URLSearchParams();
    form.set("csrf", data("csrf"));
    form.set("screen", data("screen"));
    return fetch("/present/reveal", { method: "POST", body: form, credentials: "same-origin" }).then(apply);
  }

  function forward() {
    if (data("revealable") === "true" && data("revealed") !== "true") { return reveal(); }
    if (data("next")) { return load(data("next"), true); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") { return; }
    if ((tag === "BUTTON" || tag === "A") && (event.key === "Enter" || event.key === " ")) { return; }
    var key = event.key;
    if (NEXT.indexOf(key) >= 0) { forward(); }
    else if (BACK.indexOf(key) >= 0) { if (data("previous")) { load(data("previous"), true); } }
    else if (key === "r" || key === "R") { if (data("revealable") === "true" && data("revealed") !== "true") { reveal(); } }
    else if (key === "Home" || key === "g") { load(data("first"), true); }
    else if (key === "End" || key === "G") { load(data("last"), true); }
    else { return; }
    event.preventDefault();
  });

  window.addEventListener("popstate", function () { load(window.location.href, false); });

  if (window.EventSource) {
    var events = new EventSource("/present/events");
    events.addEventListener("change", function (event) {
      var change = JSON.parse(event.data);
      if (change.signature !== data("signature")) { load(window.location.href, false); }
    });
  }
})();
