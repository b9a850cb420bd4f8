// Keyboard navigation of a list: j/k and the arrow keys move the selection, other keys run the given actions.
// Keys typed into a field are the field's, not the list's.
import { useEffect, useRef } from "react";

/**
 * @example useListKeys(items.length, selected, setSelected, { Enter: openSelected, a: acknowledgeSelected })
 */
export function useListKeys(
  count: number,
  selected: number,
  setSelected: (index: number) => void,
  actions: Record<string, () => void>,
): void {
  const state = useRef({ count, selected, setSelected, actions });
  state.current = { count, selected, setSelected, actions };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName))) {
        if (!(target.tagName === "A" || target.tagName === "BUTTON") || !/^[jkaAJK]$/.test(event.key)) return;
      }
      const { count: n, selected: at, setSelected: select, actions: act } = state.current;
      if (n === 0) return;
      if (event.key === "j" || event.key === "ArrowDown") select(Math.min(at + 1, n - 1));
      else if (event.key === "k" || event.key === "ArrowUp") select(Math.max(at - 1, 0));
      else if (act[event.key]) act[event.key]!();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
