// The keyboard help: "?" on any page opens a dialog listing every key the page binds. Each page registers its one
// list of shortcuts (the list its key handler is written from), so the dialog never lists a key that does nothing.
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from "react";
import { typingIn } from "./typing-in.ts";

/** A key or keys and what they do: `{ keys: ["j", "↓"], does: "Select the next delivery" }`. */
export type Shortcut = { keys: readonly string[]; does: string };

/** The keys of every page: the help itself. */
const GLOBAL: readonly Shortcut[] = [
  { keys: ["?"], does: "Show this list of keys" },
  { keys: ["Escape"], does: "Close this list" },
];

const Register = createContext<(shortcuts: readonly Shortcut[]) => void>(() => {});

/**
 * Lists the page's shortcuts in the keyboard help while the page is shown. Pass a constant list.
 * @example usePageShortcuts(INBOX_SHORTCUTS)
 */
export function usePageShortcuts(shortcuts: readonly Shortcut[]): void {
  const register = useContext(Register);
  useEffect(() => {
    register(shortcuts);
    return () => register([]);
  }, [register, shortcuts]);
}

/** Keeps Tab and Shift+Tab among the dialog's own controls, so focus never leaves it while it is open. */
function trapFocus(event: ReactKeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const controls = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>("button, [href], input, select, textarea, [tabindex]"),
  ).filter((el) => el.tabIndex >= 0);
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey ? active === first || !event.currentTarget.contains(active) : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/** Holds the page's shortcuts and opens their list on "?" (a modal dialog: focus stays in it, Escape closes it). */
export function KeyboardHelp({ children }: { children: ReactNode }) {
  const [shortcuts, setShortcuts] = useState<readonly Shortcut[]>([]);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (dialog.current?.open) return;
      event.preventDefault();
      dialog.current?.showModal();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <Register.Provider value={setShortcuts}>
      {children}
      <dialog ref={dialog} className="keyboard-help" aria-labelledby={titleId} onKeyDown={trapFocus}>
        <h2 id={titleId}>Keyboard shortcuts</h2>
        {shortcuts.length === 0 && <p className="muted">This page has no keys of its own.</p>}
        <dl>
          {[...shortcuts, ...GLOBAL].map((s) => (
            <div key={s.does} className="keyboard-help-row">
              <dt>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && " or "}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit" autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </Register.Provider>
  );
}
