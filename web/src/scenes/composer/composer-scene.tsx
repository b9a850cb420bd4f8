// The composer (/compose for a new draft, /drafts/:id for a stored one): the form with live validation, the
// telegram preview, the clearances and history of the draft, and save, clearance, submission, release and discard.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { api, ApiError, segment } from "../../api/client.ts";
import { isAlerting } from "../../../../src/core/index.ts";
import type { Draft, DraftSuggestion, DutyOfficer, SavedDraft } from "../../api/types.ts";
import { ClassificationBanner } from "../../components/classification-banner.tsx";
import { Loading, Problem } from "../../components/problem.tsx";
import { hasRole, useUser } from "../../stores/session.tsx";
import { useApi } from "../../stores/use-api.ts";
import { useEvents } from "../../stores/use-events.ts";
import type { DirectoryLists } from "./addressee-suggestions.ts";
import { ClearancesPanel } from "./components/clearances-panel.tsx";
import { ComposerForm } from "./components/composer-form.tsx";
import { DiscardControl } from "./components/discard-control.tsx";
import { DraftHistory } from "./components/draft-history.tsx";
import { DraftSuggestionsPanel } from "./components/draft-suggestions-panel.tsx";
import { FindingsSummary } from "./components/findings-summary.tsx";
import { ReleaseControl } from "./components/release-control.tsx";
import { RoutingHints } from "./components/routing-hints.tsx";
import { SaveStatus } from "./components/save-status.tsx";
import { StartFromTelegram } from "./components/start-from-telegram.tsx";
import { SubmitControl } from "./components/submit-control.tsx";
import { TelegramPreview } from "./components/telegram-preview.tsx";
import { cableOfForm, emptyForm, fieldsOfForm, formOfCable, type DraftForm } from "./draft-form.ts";
import { localFindings, serverOnlyFindings } from "./form-findings.ts";
import { releaseBlockers, submitBlockers } from "./release-readiness.ts";
import { useDirectory } from "./use-directory.ts";
import { useUnsavedWarning } from "./use-unsaved-warning.ts";

// Events that change what the composer shows of a stored draft: its clearances and its text.
const DRAFT_EVENTS = [
  "draft.updated",
  "draft.clearance.requested",
  "draft.clearance.cleared",
  "draft.clearance.objected",
  "draft.submitted",
  "draft.discarded",
] as const;

export function ComposerScene() {
  const { id } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const directory = useDirectory();
  const draft = useApi<Draft>(id ? `/api/drafts/${segment(id)}` : null);
  const reloadDraft = draft.reload;
  const approver = hasRole(user, "approver");
  const roster = useApi<{ items: DutyOfficer[] }>(id && approver ? "/api/duty-officers" : null);

  const [form, setForm] = useState<DraftForm>(() => emptyForm(user.post ?? ""));
  const [baseline, setBaseline] = useState(() => JSON.stringify(form));
  // Which draft the form holds: "new", or a draft id. The form is loaded from the server once per draft.
  const [loadedFor, setLoadedFor] = useState<string>("new");
  // The revision the form's text was loaded from or last saved as: a save says so (If-Match), so that it never
  // replaces a revision someone else saved meanwhile.
  const [formRevision, setFormRevision] = useState<number | null>(null);
  // The draft just discarded: the router moves to /compose in a transition, so a render with the old id can come
  // after the form was cleared, and must not load the discarded draft back into it.
  const justDiscarded = useRef<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [actionError, setActionError] = useState<Error | null>(null);
  const location = useLocation();
  // A notice may come with the navigation: /compose is a composer of its own (behind its role check), so a draft
  // discarded at /drafts/:id hands its notice to the new one.
  const [notice, setNotice] = useState<string | null>(
    () => (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [showPreview, setShowPreview] = useState(true);
  const [showImport, setShowImport] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [today] = useState(() => new Date().toISOString());

  useEffect(() => {
    if (id === undefined) {
      if (loadedFor !== "new") {
        const blank = emptyForm(user.post ?? "");
        setForm(blank);
        setBaseline(JSON.stringify(blank));
        setLoadedFor("new");
        setFormRevision(null);
        setSavedAt(null);
      }
      return;
    }
    if (draft.data && draft.data.id === id && loadedFor !== id && justDiscarded.current !== id) {
      const loaded = formOfCable(draft.data.cable, draft.data.actionRequests, draft.data.positionReport);
      setForm(loaded);
      setBaseline(JSON.stringify(loaded));
      setLoadedFor(id);
      setFormRevision(draft.data.revision);
      setSavedAt(draft.data.updatedAt);
    }
  }, [id, draft.data, loadedFor, user.post]);

  useEvents(
    DRAFT_EVENTS,
    (event) => {
      if (id && event.cableId === id) reloadDraft();
    },
    () => id && reloadDraft(),
  );

  const stored = id !== undefined ? draft.data : undefined;
  const dirty = JSON.stringify(form) !== baseline;
  useUnsavedWarning(dirty);

  const from = useMemo(() => pladOf(directory, form.from), [directory, form.from]);
  const cable = useMemo(() => cableOfForm({ ...form, from }, { dtg: today }), [form, from, today]);
  const previewCable = useMemo(
    () =>
      cableOfForm(
        { ...form, from },
        { origin: stored?.originPost ? stationOf(directory, stored.originPost) : (user.post ?? "") },
      ),
    [form, from, stored?.originPost, directory, user.post],
  );
  const local = useMemo(() => localFindings(form, cable), [form, cable]);
  const server = useMemo(() => serverOnlyFindings(stored?.findings ?? [], local), [stored?.findings, local]);
  const findings = useMemo(() => [...local, ...server], [local, server]);

  const editable = hasRole(user, "drafter") && (stored === undefined || stored.status === "draft");
  const released = stored?.status === "released";
  const discarded = stored?.status === "discarded";
  const blockers = releaseBlockers({
    approver: hasRole(user, "approver"),
    saved: stored !== undefined && stored.status === "draft",
    dirty,
    findings,
    clearances: stored?.clearances ?? [],
  });
  // The action posts a NIACT or FLASH release alerts, that have nobody on duty: the confirmation names them.
  const unalerted = useMemo(() => {
    const onDuty = new Set((roster.data?.items ?? []).map((o) => o.post));
    const posts = new Set(directory.posts.map((p) => p.name));
    return cable.to
      .filter((a) => isAlerting(a.precedence) && posts.has(a.name) && !onDuty.has(a.name))
      .map((a) => a.name);
  }, [roster.data, directory.posts, cable.to]);
  const toSubmit = submitBlockers({ saved: stored !== undefined && stored.status === "draft", dirty, findings });

  const change = useCallback((patch: Partial<DraftForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setNotice(null);
  }, []);

  async function save() {
    setSaving(true);
    setActionError(null);
    const snapshot = JSON.stringify(form);
    try {
      const fields = fieldsOfForm(form);
      if (id === undefined) {
        const saved = await api<SavedDraft>("POST", "/api/drafts", fields);
        setLoadedFor(saved.id);
        setFormRevision(saved.revision);
        setBaseline(snapshot);
        navigate(`/drafts/${segment(saved.id)}`, { replace: true });
      } else {
        const ifMatch: Record<string, string> = formRevision === null ? {} : { "if-match": `"${formRevision}"` };
        const saved = await api<SavedDraft>("PATCH", `/api/drafts/${segment(id)}`, fields, undefined, ifMatch);
        setFormRevision(saved.revision);
        setBaseline(snapshot);
        reloadDraft();
      }
      setSavedAt(new Date().toISOString());
    } catch (e) {
      setActionError(e as Error);
    } finally {
      setSaving(false);
    }
  }

  /** Takes a suggestion of the text into the position report: the person's confirmation, recorded on release. */
  function takeSuggestion(s: DraftSuggestion) {
    setForm((f) => ({
      ...f,
      positionReport: {
        ...f.positionReport,
        country: s.country,
        position: s.stance,
        confidence: s.hedged ? "unconfirmed" : "reported",
      },
    }));
    setNotice(
      `${s.countryName} is in the position report: choose its campaign and question, check the position, and save.`,
    );
  }

  /** Replaces the form with the draft as saved now (someone else's revision), dropping unsaved edits. */
  function loadSaved() {
    if (!stored) return;
    const loaded = formOfCable(stored.cable, stored.actionRequests, stored.positionReport);
    setForm(loaded);
    setBaseline(JSON.stringify(loaded));
    setFormRevision(stored.revision);
    setSavedAt(stored.updatedAt);
    setActionError(null);
  }

  async function release() {
    if (!id) return;
    setReleasing(true);
    setActionError(null);
    try {
      const made = await api<{ id: string }>("POST", `/api/drafts/${segment(id)}/release`, {});
      navigate(`/cables/${segment(made.id)}`);
    } catch (e) {
      setActionError(e as Error);
      reloadDraft();
    } finally {
      setReleasing(false);
    }
  }

  async function submit() {
    if (!id) return;
    setSubmitting(true);
    setActionError(null);
    try {
      await api("POST", `/api/drafts/${segment(id)}/submit`, {});
      setNotice("Submitted for approval: the draft is in the approvers' queue.");
    } catch (e) {
      setActionError(e as Error);
    } finally {
      setSubmitting(false);
      reloadDraft();
    }
  }

  async function discard() {
    setActionError(null);
    try {
      if (id !== undefined) await api("DELETE", `/api/drafts/${segment(id)}`);
      justDiscarded.current = id ?? null;
      const blank = emptyForm(user.post ?? "");
      setForm(blank);
      setBaseline(JSON.stringify(blank));
      setSavedAt(null);
      if (id !== undefined) {
        setLoadedFor("new");
        const discarded = "Draft discarded. It stays on record; this is a new draft.";
        navigate("/compose", { state: { notice: discarded } });
        setNotice(discarded);
      }
    } catch (e) {
      setActionError(e as Error);
    }
  }

  if (id !== undefined && draft.error && !draft.data) {
    return (
      <div className="composer">
        <h1>Draft</h1>
        <Problem
          error={
            draft.error.status === 404
              ? new ApiError(404, "NOT_FOUND", "No such draft, or it is not yours to see.", {})
              : draft.error
          }
        />
        <Link to="/compose">Start a new draft</Link>
      </div>
    );
  }
  if (id !== undefined && loadedFor !== id) return <Loading what="Opening the draft" />;

  const title = id === undefined ? "New draft" : form.subject.trim() || "Untitled draft";
  return (
    <div className="composer">
      <header className="composer-header">
        <div className="composer-title">
          <h1>{title}</h1>
          <p className="muted composer-meta">
            {stored ? (
              <>
                Draft of {stored.originPost} · revision {stored.revision}
                {drafter(stored) ? ` · drafted by ${drafter(stored)}` : ""}
                {stored.replyTo && (
                  <>
                    {" "}
                    · reply to <Link to={`/cables/${segment(stored.replyTo)}`}>{stored.replyTo}</Link>
                  </>
                )}
              </>
            ) : (
              <>Originates at {user.post ?? "your post"} · numbered on release</>
            )}
          </p>
        </div>
        <div className="composer-toolbar" role="toolbar" aria-label="Draft actions">
          {editable && (
            <button type="button" aria-expanded={showImport} onClick={() => setShowImport((v) => !v)}>
              Start from a telegram
            </button>
          )}
          <button type="button" aria-pressed={showPreview} onClick={() => setShowPreview((v) => !v)}>
            {showPreview ? "Hide preview" : "Show preview"}
          </button>
          <span className="spacer" />
          {editable && <SaveStatus saving={saving} dirty={dirty} savedAt={savedAt} stored={stored !== undefined} />}
          {editable && (
            <button
              type="button"
              className="primary"
              disabled={saving || (!dirty && stored !== undefined)}
              onClick={() => void save()}
            >
              Save draft
            </button>
          )}
          {editable && <DiscardControl stored={stored !== undefined} busy={saving} onDiscard={() => void discard()} />}
        </div>
      </header>

      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <Problem error={actionError} />
      {editable && stored && formRevision !== null && stored.revision > formRevision && (
        <div className="notice" role="alert">
          <p>
            Someone else saved this draft (revision {stored.revision}) since you opened revision {formRevision}.
            {dirty ? " Your unsaved changes are not lost, but saving them would replace that text: " : " "}
            load the saved text to go on from it.
          </p>
          <button type="button" onClick={loadSaved}>
            Load revision {stored.revision}
          </button>
        </div>
      )}
      {released && stored?.releasedId && (
        <p className="notice" role="status">
          Released as <Link to={`/cables/${segment(stored.releasedId)}`}>{stored.releasedId}</Link>.
        </p>
      )}
      {discarded && <p className="problem">This draft was discarded.</p>}
      {!editable && !released && !discarded && (
        <p className="muted read-only-note">
          You are reviewing this draft; only drafters of {stored?.originPost} change it.
        </p>
      )}
      <RoutingHints hints={stored?.routingHints ?? []} />
      {showImport && editable && (
        <StartFromTelegram
          onClose={() => setShowImport(false)}
          onRead={(parsed) =>
            setForm((f) => ({
              ...formOfCable(parsed),
              from: f.from,
              actionRequests: f.actionRequests,
              positionReport: f.positionReport,
            }))
          }
        />
      )}

      <div className="composer-layout">
        <div className="composer-main">
          <ClassificationBanner classification={form.classification} caveats={form.caveats} />
          <FindingsSummary local={local} server={server} />
          <ComposerForm
            form={form}
            onChange={change}
            directory={directory}
            findings={findings}
            readOnly={!editable}
            originFixed={stored !== undefined}
          />
        </div>
        <aside className="composer-side" aria-label="Draft status">
          {stored && stored.status === "draft" && editable && (
            <section className="card release-card" aria-labelledby="approval-title">
              <h2 id="approval-title">Approval</h2>
              <SubmitControl
                submittedAt={stored.submittedAt}
                submittedBy={stored.submittedBy}
                blockers={toSubmit}
                busy={submitting}
                onSubmit={() => void submit()}
              />
            </section>
          )}
          {stored && stored.status === "draft" && hasRole(user, "approver") && (
            <section className="card release-card" aria-labelledby="release-title">
              <h2 id="release-title">Release</h2>
              {stored.submittedAt === null && <p className="muted small">Not submitted for approval yet.</p>}
              <ReleaseControl
                blockers={blockers}
                addressees={cable.to.length + cable.info.length}
                unalerted={unalerted}
                busy={releasing}
                onRelease={() => void release()}
              />
            </section>
          )}
          <ClearancesPanel
            draftId={stored?.id ?? null}
            clearances={stored?.clearances ?? []}
            user={user}
            mayRequest={editable}
            requestBlocked={
              stored === undefined
                ? "Save the draft first."
                : dirty
                  ? "Save your changes first: clearers clear the text as saved."
                  : null
            }
            subject={form.subject}
            onChanged={reloadDraft}
          />
          {stored && stored.status === "draft" && (
            <DraftSuggestionsPanel
              draftId={stored.id}
              revision={stored.revision}
              editable={editable}
              onUse={takeSuggestion}
            />
          )}
          {showPreview && <TelegramPreview cable={previewCable} />}
          {stored && <DraftHistory history={stored.history} />}
        </aside>
      </div>
    </div>
  );
}

/** Who created the draft, by username (the draft's `createdBy` is a user id). */
function drafter(draft: Draft): string | null {
  return draft.history.find((h) => h.action === "draft.create")?.username ?? null;
}

/** The PLAD of a post written by station (`STATE` → `SECSTATE WASHDC`), or the text as it is. */
function pladOf(directory: DirectoryLists, text: string): string {
  const t = text.trim().toUpperCase();
  return directory.posts.find((p) => p.station === t || p.name === t)?.name ?? text;
}

/** The station of a post written by PLAD (`SECSTATE WASHDC` → `STATE`), or the text as it is. */
function stationOf(directory: DirectoryLists, plad: string): string {
  return directory.posts.find((p) => p.name === plad)?.station ?? plad;
}
