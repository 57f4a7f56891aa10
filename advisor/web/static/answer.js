// The participant's pages work without this script; it only helps: typing a percentage picks
// "another percentage", and after a refused step the list of errors takes the focus.
(function () {
  "use strict";
  var typed = document.getElementById("typed-field");
  var choice = document.getElementById("value-typed");
  if (typed && choice) {
    typed.addEventListener("input", function () {
      if (typed.value.trim()) { choice.checked = true; }
    });
  }
  var errors = document.getElementById("errors");
  if (errors) { errors.focus(); }
})();
