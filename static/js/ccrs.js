// Behaviour of the platform's own pages, kept out of the HTML so the Content-Security-Policy allows no inline script.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-submit-on-change]");
  if (field && field.form) field.form.requestSubmit();
});
