// The preview page (`grille preview`): reloads once the server has a
// version of the file newer than the one shown.
"use strict";
(function () {
  const shown = Number(document.documentElement.dataset.version);
  function wait() {
    fetch("/wait?after=" + shown, { cache: "no-store" })
      .then((response) => response.text())
      .then((number) => (Number(number) > shown ? location.reload() : wait()))
      .catch(() => setTimeout(wait, 1000));
  }
  wait();
})();
