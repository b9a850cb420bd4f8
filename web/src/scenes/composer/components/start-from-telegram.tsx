// "Start from a telegram": paste the text of a legacy telegram, or load a .txt file, and it is read (parseTelegram)
// into the form: addressees, captions, TAGS, subject, references and paragraphs. What the parser had to guess is
// listed, so the drafter can check it.
import { useId, useState } from "react";
import type { Cable } from "../../../../../src/core/index.ts";
import { parseTelegram } from "../../../../../src/telegram/index.ts";
import { plural } from "../../../components/plural.ts";

type Props = {
  onRead: (cable: Cable) => void;
  onClose: () => void;
};

export function StartFromTelegram({ onRead, onClose }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [report, setReport] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<Cable["warnings"]>([]);

  function read() {
    const cable = parseTelegram(text);
    setWarnings(cable.warnings);
    const what = [
      plural(cable.to.length + cable.info.length, "addressee"),
      `${plural(cable.paragraphs.length, "block")} of text`,
      cable.tags.length > 0 ? `TAGS ${cable.tags.join(" ")}` : "no TAGS",
    ].join(", ");
    setReport(`Read into the form: ${what}.`);
    onRead(cable);
  }

  return (
    <section className="start-from-telegram card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Start from a telegram</h2>
      <p className="muted small">
        Paste a telegram or load a text file; its fields replace those of the form. Release gives it a new number.
      </p>
      <label htmlFor={`${id}-text`}>Telegram text</label>
      <textarea id={`${id}-text`} rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <div className="button-row">
        <label className="file-button">
          Load a .txt file
          <input
            type="file"
            accept=".txt,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setText);
            }}
          />
        </label>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" disabled={text.trim() === ""} onClick={read}>
          Read into the form
        </button>
      </div>
      {report && (
        <div className="notice" role="status">
          {report}
          {warnings.length > 0 && (
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>
                  Line {w.line}: {w.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
