// The review page's keys: arrows move between held images, A approves, G regenerates, R goes
// to the reason of a rejection (Enter sends it, Escape leaves it). A decided card is swapped in
// by htmx, and the focus moves on to the next image still held.
(function () {
  "use strict";
  function cards() {
    return Array.from(document.querySelectorAll(".review-card:not(.decided)"));
  }
  function focusAt(index) {
    var all = cards();
    if (all.length > 0) {
      all[Math.max(0, Math.min(index, all.length - 1))].focus();
    }
  }
  document.addEventListener("keydown", function (event) {
    if (event.target.matches("input, textarea, select")) {
      if (event.key === "Escape") {
        event.target.closest(".review-card").focus();
      }
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var card = document.activeElement && document.activeElement.closest(".review-card:not(.decided)");
    var all = cards();
    var index = card ? all.indexOf(card) : -1;
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
        focusAt(index + 1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
        focusAt(index - 1);
        break;
      case "a":
      case "A":
        if (card) card.querySelector("form.approve button").click();
        break;
      case "g":
      case "G":
        if (card) card.querySelector("form.regenerate button").click();
        break;
      case "r":
      case "R":
        if (card) card.querySelector("form.reject input[name=reason]").focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
  // after the settle: htmx gives the focus back to an element of the same id when it swaps
  document.addEventListener("htmx:afterSettle", function (event) {
    // the card was replaced whole: the decided one in its place has its id
    var id = event.detail.target && event.detail.target.id;
    var decided = id ? document.getElementById(id) : null;
    if (decided && decided.classList.contains("decided")) {
      var next = decided.nextElementSibling;
      while (next && next.classList.contains("decided")) {
        next = next.nextElementSibling;
      }
      if (next) next.focus(); else focusAt(0);
    }
  });
  window.addEventListener("load", function () {
    focusAt(0);
  });
})();
