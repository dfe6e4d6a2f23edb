// Kept out of the templates so a Content-Security-Policy without inline scripts holds.
document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
  select.addEventListener("change", () => select.form.submit());
});

// Report pages: a print button (window.print needs a script; inline ones are not allowed).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
