// The draft editor's helpers. Each improves a page that works without it: the server
// checks every limit and keeps the text of a refused save; this file only saves the
// editor a trip, or a loss of unsaved text when leaving by mistake.
(function () {
  "use strict";

  // The error summary is read first, by eye and by screen reader.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  // A link of the summary opens the folded section holding its field, and puts the
  // cursor in the field.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    const folded = target.closest("details");
    if (folded) folded.open = true;
    target.scrollIntoView({ block: "center" });
    const field = target.matches("input, textarea, select") ? target : target.querySelector("input, textarea, select");
    if (field) field.focus({ preventScroll: true });
  });

  // Leaving with unsaved changes asks first. A form sent back by the server (errors,
  // or someone else saved first) holds text not yet saved, so it starts out unsaved.
  document.querySelectorAll("form[data-unsaved-warning]").forEach((form) => {
    let unsaved = form.hasAttribute("data-unsaved");
    const note = form.querySelector("[data-unsaved-note]");
    const mark = (value) => {
      unsaved = value;
      if (note) note.hidden = !value;
    };
    mark(unsaved);
    form.addEventListener("input", () => mark(true));
    form.addEventListener("change", () => mark(true));
    form.addEventListener("submit", () => mark(false));
    window.addEventListener("beforeunload", (event) => {
      if (!unsaved) return;
      event.preventDefault();
      event.returnValue = "";
    });
  });

  // Fold or unfold every section at once.
  document.querySelectorAll("[data-fold-controls]").forEach((controls) => {
    controls.hidden = false;
    controls.addEventListener("click", (event) => {
      const button = event.target.closest("[data-fold]");
      if (!button) return;
      const open = button.dataset.fold === "open";
      controls.parentElement.querySelectorAll("details.formset-row").forEach((row) => {
        if (row.id.startsWith("section-")) row.open = open;
      });
    });
  });

  // Characters past a field's limit are counted as they are typed or pasted.
  const numbers = new Intl.NumberFormat("en-US");
  document.querySelectorAll("[data-max-chars]").forEach((field) => {
    const limit = Number(field.dataset.maxChars);
    const counter = document.createElement("span");
    counter.className = "char-count";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    const update = () => {
      const length = field.value.length;
      counter.hidden = length <= limit;
      counter.textContent = length > limit
        ? `${numbers.format(length)} characters: ${numbers.format(length - limit)} over the limit of ${numbers.format(limit)}.`
        : "";
    };
    field.addEventListener("input", update);
    update();
  });

  // The Markdown preview of a section body, rendered by the server as the page is.
  document.querySelectorAll("[data-preview-source]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      const source = document.getElementById(button.dataset.previewSource);
      const target = document.getElementById(button.dataset.previewTarget);
      const token = button.form && button.form.querySelector("[name=csrfmiddlewaretoken]");
      if (!source || !target || !token) return;
      fetch(button.dataset.previewUrl, {
        method: "POST",
        headers: { "X-CSRFToken": token.value },
        body: new URLSearchParams({ body: source.value }),
        credentials: "same-origin",
      })
        .then((response) => {
          if (!response.ok) throw new Error(response.statusText);
          return response.text();
        })
        .then((html) => { target.innerHTML = html; })
        .catch(() => { target.textContent = "The preview could not be loaded; your text is unchanged."; });
    });
  });
})();
