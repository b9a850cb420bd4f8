// The draft as it will go out, in the telegram format: renderTelegram of the form's cable, with a placeholder
// number (release assigns the real one, the date-time group and the transmission header).
import { useMemo } from "react";
import type { Cable } from "../../../../../src/core/index.ts";
import { renderTelegram } from "../../../../../src/telegram/index.ts";

type Props = { cable: Cable };

export function TelegramPreview({ cable }: Props) {
  const text = useMemo(() => {
    try {
      return renderTelegram(cable);
    } catch (e) {
      // The form can hold what the renderer has no layout for yet; say so rather than break the page.
      return `(The preview cannot be drawn: ${e instanceof Error ? e.message : String(e)})`;
    }
  }, [cable]);
  return (
    <section className="telegram-preview card" aria-labelledby="preview-title">
      <h2 id="preview-title">Telegram preview</h2>
      <p className="muted small">Number, date-time group and header are assigned on release.</p>
      <pre className="telegram" tabIndex={0} aria-label="Preview of the telegram">
        {text}
      </pre>
    </section>
  );
}
