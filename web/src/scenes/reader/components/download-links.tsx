// Downloading the cable on screen: its telegram text, its JSON and a PDF, each a link the browser saves under the
// cable's id. The server reads the cable under the user's access again and records the export.
import { segment } from "../../../api/client.ts";
import { CABLE_EXPORT_FORMATS, EXPORT_FORMAT_INFO } from "../../../../../src/core/index.ts";
import "./download-links.css";

export function DownloadLinks({ id }: { id: string }) {
  return (
    <div className="download-links" role="group" aria-label="Download">
      <span className="small">Download</span>
      {CABLE_EXPORT_FORMATS.map((format) => (
        <a key={format} href={`/api/cables/${segment(id)}/export?format=${format}`} download>
          {EXPORT_FORMAT_INFO[format].label}
        </a>
      ))}
    </div>
  );
}
