// A text input with a list of suggestions under it (the ARIA combobox pattern): the best suggestion is highlighted
// as one types, arrows move, Enter takes the highlighted suggestion ("SECSTATE" adds SECSTATE WASHDC); Escape
// closes the list, and Enter then takes the text as typed.
import { useId, useState, type ReactNode } from "react";

export type Suggestion = { value: string; label: ReactNode };

type Props = {
  label: string;
  /** Suggestions for the current text. */
  suggest: (text: string) => Suggestion[];
  /** Called with the chosen value (a suggestion's, or the text as typed); the input is then cleared. */
  onPick: (value: string) => void;
  placeholder?: string;
  /** Keeps the label for screen readers only, when the field's legend already says it. */
  hideLabel?: boolean;
};

export function AutocompleteInput({ label, suggest, onPick, placeholder, hideLabel = false }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = open ? suggest(text) : [];
  const listId = `${id}-list`;

  function pick(value: string) {
    const v = value.trim();
    if (v === "") return;
    onPick(v);
    setText("");
    setActive(-1);
    setOpen(false);
  }

  return (
    <div className="autocomplete">
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && suggestions[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, suggestions.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, -1));
          } else if (e.key === "Enter") {
            e.preventDefault();
            pick(active >= 0 && suggestions[active] ? suggestions[active].value : text);
          } else if (e.key === "Escape") {
            setOpen(false);
            setActive(-1);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label} suggestions`}
        className="autocomplete-list"
        hidden={suggestions.length === 0}
      >
        {suggestions.map((s, i) => (
          <li
            key={s.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            // mousedown, not click: the input's blur would close the list before the click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(s.value);
            }}
          >
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
