// Exporting the search on screen: every cable it finds, as JSON Lines, CSV of metadata or a ZIP of telegrams. The
// size is asked first, so an export past the server's limit is refused in words before a download starts.
import { useEffect, useState, type FormEvent } from "react";
import { api, query as queryString } from "../../api/client.ts";
import { Problem } from "../../components/problem.tsx";
import { startDownload } from "../../components/download.ts";
import { plural } from "../../components/plural.ts";
import { EXPORT_FORMAT_INFO, SEARCH_EXPORT_FORMATS, type SearchExportFormat } from "../../../../src/core/index.ts";
import "./export-form.css";

type ExportSize = { count: number; max: number; tooLarge: boolean };

export function ExportForm({ query }: { query: string }) {
  const [format, setFormat] = useState<SearchExportFormat>("zip");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<{ text: string; refused: boolean } | null>(null);
  useEffect(() => {
    setNotice(null);
    setError(null);
  }, [query]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const size = await api<ExportSize>("GET", `/api/search/export/size${queryString({ q: query })}`);
      const n = (value: number) => value.toLocaleString("en-US");
      if (size.tooLarge) {
        setNotice({
          text:
            `More than ${plural(size.max, "cable")} match, and an export may hold ${n(size.max)} at most: narrow ` +
            `the query (a date range such as from:2008 to:2009, a tag, a classification) and export again.`,
          refused: true,
        });
      } else {
        startDownload(`/api/search/export${queryString({ q: query, format })}`);
        setNotice({
          text: `Downloading ${plural(size.count, "cable")} as ${EXPORT_FORMAT_INFO[format].label}.`,
          refused: false,
        });
      }
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="export-form" aria-label="Export the results" onSubmit={(e) => void submit(e)}>
      <label>
        Export as
        <select value={format} onChange={(e) => setFormat(e.target.value as SearchExportFormat)}>
          {SEARCH_EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {EXPORT_FORMAT_INFO[f].label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        {busy ? "Counting…" : "Export"}
      </button>
      {notice && (
        <p className={`export-notice small${notice.refused ? " refused" : ""}`} role="status">
          {notice.text}
        </p>
      )}
      <Problem error={error} />
    </form>
  );
}
