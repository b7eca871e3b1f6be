// The print view's "In sổ" button: the browser's print dialog (a plain page without script
// prints the same with Ctrl+P).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-register-print]")) {
    button.addEventListener("click", () => window.print());
  }
});
