// Behaviour of the platform's own pages, kept out of the HTML so the Content-Security-Policy allows no inline script.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-submit-on-change]");
  if (field && field.form) field.form.requestSubmit();
});

// A table wider than the phone scrolls sideways: make its scrolling box reachable by the keyboard (WCAG 2.1.1),
// named after the table's caption or the heading before it.
window.addEventListener("load", () => {
  for (const region of document.querySelectorAll(".table-responsive")) {
    if (region.scrollWidth <= region.clientWidth || region.hasAttribute("tabindex")) continue;
    region.tabIndex = 0;
    region.setAttribute("role", "region");
    const caption = region.querySelector("caption");
    let heading = region.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    const name = (caption || heading || document.querySelector("main h1"))?.textContent.trim();
    if (name) region.setAttribute("aria-label", name);
  }
});
