// The review page's diff: j / k (or n / p) move from change to change; "Next change"
// does the same for the mouse; "Comment on another section" adds a row to the decision
// form. Without JavaScript every change still has an id the links lead to, and the
// form offers its blank rows.
(function () {
  "use strict";

  const comparison = document.querySelector(".comparison");
  if (comparison) {
    // Where a link (or the address) led, if it was a change.
    const target = location.hash && document.getElementById(location.hash.slice(1));
    let current = target && target.classList.contains("stop") ? target : null;

    function shown(element) {
      return element.getClientRects().length > 0 && !element.closest("details:not([open])");
    }

    function stops() {
      return Array.from(comparison.querySelectorAll(".stop")).filter(shown);
    }

    // The change at or after the top of the window, when none was chosen yet.
    function nearest(list, step) {
      const top = comparison.querySelector(".change-nav").getBoundingClientRect().bottom;
      const below = list.findIndex((element) => element.getBoundingClientRect().top > top + 1);
      if (below === -1) return list.length;
      return step > 0 ? below - 1 : below;
    }

    function go(step) {
      const list = stops();
      if (!list.length) return;
      const at = current && list.includes(current) ? list.indexOf(current) : nearest(list, step);
      const index = Math.min(Math.max(at + step, 0), list.length - 1);
      if (current) current.classList.remove("is-current");
      current = list[index];
      current.classList.add("is-current");
      if (!current.hasAttribute("tabindex")) current.setAttribute("tabindex", "-1");
      current.scrollIntoView({ block: "center", behavior: "smooth" });
      current.focus({ preventScroll: true });
    }

    function typing(target) {
      return target instanceof Element &&
        (target.closest("input, textarea, select, [contenteditable]") !== null);
    }

    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (typing(event.target)) return;
      const step = { j: 1, n: 1, k: -1, p: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      go(step);
    });

    comparison.querySelectorAll(".change-nav [data-step]").forEach(function (link) {
      link.hidden = false;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        go(Number(link.dataset.step));
      });
    });
    const hint = comparison.querySelector("[data-key-hint]");
    if (hint) hint.hidden = false;

    // A link to a section folded away with the unchanged ones opens its fold.
    function unfold() {
      const led = location.hash && document.getElementById(location.hash.slice(1));
      const fold = led && led.closest("details:not([open])");
      if (fold) {
        fold.open = true;
        led.scrollIntoView();
      }
    }
    window.addEventListener("hashchange", unfold);
    unfold();
  }

  const rows = document.querySelector("[data-section-comments]");
  const add = rows && rows.querySelector("[data-add-section-comment]");
  if (add) {
    add.hidden = false;
    add.addEventListener("click", function () {
      const all = rows.querySelectorAll("[data-section-comment]");
      const row = all[all.length - 1].cloneNode(true);
      const number = all.length + 1;
      row.querySelectorAll("label, select, textarea").forEach(function (element) {
        const rename = (value) => value.replace(/section-comment-\d+-/, "section-comment-" + number + "-");
        if (element.htmlFor) element.htmlFor = rename(element.htmlFor);
        if (element.id) element.id = rename(element.id);
      });
      row.querySelector("select").selectedIndex = 0;
      row.querySelector("textarea").value = "";
      add.before(row);
      row.querySelector("select").focus();
    });
  }
})();
