// Behaviour the pages ask for with data attributes, so no page needs inline script
// (the Content-Security-Policy allows scripts from this site's files only).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
document.addEventListener("focusin", (event) => {
  if (event.target.matches("[data-select-on-focus]")) event.target.select();
});
