// Reading a cable: the classification banner at top and bottom, the header, the numbered and portion-marked
// paragraphs, its references and what cites it, its action requests and their status; the telegram text, a
// print view and downloads (telegram text, JSON, PDF); a reply, and for a cable released here a correction or a cancellation, each a draft cleared and
// approved like any other; which version it is, when corrected; who drafted, cleared and released it here. A cable the user may not read is "not found", exactly like a missing one.
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { api, segment } from "../../api/client.ts";
import type {
  ActionDashboard,
  ArchivedCable,
  CableHistory,
  CableReferences,
  CableVersions,
  SavedDraft,
} from "../../api/types.ts";
import { isAlerting } from "../../../../src/core/index.ts";
import { CableAlerts } from "../../components/cable-alerts.tsx";
import { ClassificationBanner } from "../../components/classification-banner.tsx";
import { Loading, Problem } from "../../components/problem.tsx";
import { hasRole, useUser } from "../../stores/session.tsx";
import { useApi } from "../../stores/use-api.ts";
import { ActionStatus } from "./components/action-status.tsx";
import { CableHeader } from "./components/cable-header.tsx";
import { CableHistoryCard } from "./components/cable-history.tsx";
import { CableParagraphs } from "./components/cable-paragraphs.tsx";
import { CitedBy } from "./components/cited-by.tsx";
import { CopyTracking } from "./components/copy-tracking.tsx";
import { DownloadLinks } from "./components/download-links.tsx";
import { TelegramText } from "./components/telegram-text.tsx";
import { VersionNote } from "./components/version-note.tsx";
import { sourceName } from "./source-name.ts";
import "./reader.css";
import { plural } from "../../components/plural.ts";

/** The drafts a reader starts from a cable, named as their routes are. */
type DraftKind = "reply" | "correction" | "cancellation";

export function ReaderScene() {
  const { id = "" } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = params.get("view") === "telegram" ? "telegram" : "cable";
  const archived = useApi<ArchivedCable>(`/api/cables/${segment(id)}`);
  const references = useApi<CableReferences>(archived.data ? `/api/cables/${segment(id)}/references` : null);
  const actions = useApi<ActionDashboard>(archived.data ? `/api/cables/${segment(id)}/actions` : null);
  const versions = useApi<CableVersions>(archived.data ? `/api/cables/${segment(id)}/versions` : null);
  const history = useApi<CableHistory>(versions.data?.releasedHere ? `/api/cables/${segment(id)}/history` : null);
  const [replyError, setReplyError] = useState<Error | null>(null);
  const [making, setMaking] = useState<DraftKind | null>(null);

  if (archived.error) {
    return (
      <section aria-labelledby="not-found">
        <h1 id="not-found">Cable not found</h1>
        <Problem error={archived.error} />
        <p>
          <Link to="/search">Search the archive</Link>
        </p>
      </section>
    );
  }
  if (!archived.data) return <Loading what={`Opening ${id}`} />;
  const { cable } = archived.data;
  const classification = cable.classification ?? "UNCLASSIFIED";

  async function startDraft(kind: DraftKind) {
    setMaking(kind);
    setReplyError(null);
    try {
      const draft = await api<SavedDraft>("POST", `/api/cables/${segment(id)}/${kind}`, {});
      navigate(`/drafts/${segment(draft.id)}`);
    } catch (e) {
      setReplyError(e as Error);
      setMaking(null);
    }
  }
  const drafter = hasRole(user, "drafter");
  const draftButton = (kind: DraftKind, label: string, busy: string, primary = false) => (
    <button
      type="button"
      className={primary ? "primary" : undefined}
      onClick={() => void startDraft(kind)}
      disabled={making !== null}
    >
      {making === kind ? busy : label}
    </button>
  );

  return (
    <article className="reader" aria-labelledby="cable-title">
      <div className="toolbar no-print" role="toolbar" aria-label="Cable actions">
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={view === "cable"} onClick={() => setParams({}, { replace: true })}>
            Cable
          </button>
          <button
            type="button"
            aria-pressed={view === "telegram"}
            onClick={() => setParams({ view: "telegram" }, { replace: true })}
          >
            Telegram text
          </button>
        </div>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <DownloadLinks id={cable.id ?? id} />
        {drafter && draftButton("reply", "Reply", "Making the reply…", true)}
        {drafter &&
          versions.data?.releasedHere &&
          versions.data.supersededBy === null &&
          draftButton("correction", "Send a correction", "Making the correction…")}
        {drafter && versions.data?.releasedHere && draftButton("cancellation", "Cancel", "Making the cancellation…")}
        <Link to={`/cables/${segment(id)}/graph`}>References graph</Link>
        {actions.data && actions.data.posts.length > 0 && (
          <Link to={`/cables/${segment(id)}/actions`}>Action dashboard</Link>
        )}
      </div>
      <Problem error={replyError} />
      <div className="reader-layout">
        <div className="cable-sheet">
          <ClassificationBanner classification={classification} caveats={cable.caveats} />
          <div className="content">
            <h1 id="cable-title" className="mono">
              {cable.id ?? id}
            </h1>
            <VersionNote versions={versions.data} />
            {view === "telegram" ? (
              <TelegramText id={id} />
            ) : (
              <>
                <CableHeader cable={cable} references={references.data} />
                <CableParagraphs cable={cable} />
              </>
            )}
          </div>
          <ClassificationBanner classification={classification} caveats={cable.caveats} />
        </div>
        <aside className="reader-side no-print" aria-label="About this cable">
          <CableHistoryCard history={history.data} />
          <CitedBy references={references.data} loading={references.loading} />
          {actions.data && actions.data.posts.length > 0 && <ActionStatus dashboard={actions.data} />}
          <CableAlerts cableId={cable.id ?? id} expectAlerts={cable.to.some((a) => isAlerting(a.precedence))} />
          <CopyTracking cableId={cable.id ?? id} />
          <section className="card">
            <h2>Archive</h2>
            <p className="small">
              Archived {new Date(archived.data.archivedAt).toUTCString()}
              {archived.data.source ? ` from ${sourceName(archived.data.source)}` : ""}.
              {archived.data.hasOriginalText ? " The original telegram text is kept." : ""}
            </p>
            {cable.warnings.length > 0 && (
              <details>
                <summary>{plural(cable.warnings.length, "note")} from reading the telegram</summary>
                <ul className="small">
                  {cable.warnings.map((w, i) => (
                    <li key={i}>
                      line {w.line}: {w.message}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}
