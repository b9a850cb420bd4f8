// Cytoscape under the web app's Content-Security-Policy (style-src 'self', no inline <style>): on start it adds a
// <style id="__________cytoscape_stylesheet"> to <head> holding one rule, `position: relative` for its container,
// and the browser refuses it with a console error. It skips that when an element of that id is there already, so
// one is put in its place and the rule lives in styles.css (.graph-canvas is position: relative). Its other
// styling is on canvases and through element.style (CSSOM), which the policy allows.

const CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";

/**
 * Marks the stylesheet as present, once per document.
 * @example prepareCytoscapeForCsp(document); cytoscape({ container })
 */
export function prepareCytoscapeForCsp(doc: Document): void {
  if (doc.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = doc.createElement("meta");
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  marker.setAttribute("name", "cytoscape-styles");
  marker.setAttribute("content", "in styles.css (the Content-Security-Policy refuses inline <style>)");
  doc.head.appendChild(marker);
}
