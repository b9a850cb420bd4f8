// The search page's keys: "/" goes to the search box, j and k to the next and previous result, Enter opens the
// selected one. Keys typed into a field are the field's, except Escape, which leaves the search box.
import { useEffect, useRef, type RefObject } from "react";
import { usePageShortcuts, type Shortcut } from "../../components/keyboard-help.tsx";
import { typingIn } from "../../components/typing-in.ts";

/** The search page's keys, exactly those `useSearchKeys` binds, for the keyboard help. */
export const SEARCH_SHORTCUTS: readonly Shortcut[] = [
  { keys: ["/"], does: "Go to the search box" },
  { keys: ["Escape"], does: "Leave the search box" },
  { keys: ["j"], does: "Select the next result" },
  { keys: ["k"], does: "Select the previous result" },
  { keys: ["Enter"], does: "Open the selected result" },
];

type Keys = {
  searchBox: RefObject<HTMLInputElement | null>;
  count: number;
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
};

/**
 * Installs the keys on the document while the page is shown.
 * @example useSearchKeys({ searchBox, count: hits.length, selected, onSelect: setSelected, onOpen })
 */
export function useSearchKeys(keys: Keys): void {
  usePageShortcuts(SEARCH_SHORTCUTS);
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const { searchBox, count, selected, onSelect, onOpen } = latest.current;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (typingIn(event.target)) {
        if (event.key === "Escape" && event.target === searchBox.current) searchBox.current?.blur();
        return;
      }
      if (event.key === "/") {
        event.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
      } else if ((event.key === "j" || event.key === "k") && count > 0) {
        event.preventDefault();
        const next = event.key === "j" ? Math.min(count - 1, selected + 1) : Math.max(0, selected - 1);
        onSelect(next);
      } else if (event.key === "Enter" && selected >= 0 && !(event.target instanceof HTMLAnchorElement)) {
        // On a result's link Enter is the link's own; elsewhere it opens the selected result.
        if (event.target instanceof HTMLButtonElement) return;
        event.preventDefault();
        onOpen(selected);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
