// mkdocs-material wraps each code block's copy button in a <nav>: dozens of
// navigation landmarks, all unnamed, which screen readers list as landmarks
// and axe-core reports (landmark-unique). A copy button is not navigation:
// take the landmark role away, the button stays as it is.
const unlandmark = (root) => {
  for (const nav of root.querySelectorAll("nav.md-code__nav")) {
    nav.setAttribute("role", "none");
  }
};
new MutationObserver(() => unlandmark(document)).observe(document.body, {
  childList: true,
  subtree: true,
});
unlandmark(document);
