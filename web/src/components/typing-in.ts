// Whether a key press belongs to a field the user is typing in, so that page shortcuts leave it alone.

/**
 * True for inputs, text areas, selects and editable content.
 * @example typingIn(document.querySelector("input")) // true
 */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
