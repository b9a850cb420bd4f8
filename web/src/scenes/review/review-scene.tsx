// The declassification review queue, for reviewers: one cable at a time with its portion marks, driven from the
// keyboard. Mark portions (and the subject or a TAGS entry) withheld under the chosen exemption codes or referred
// to another agency, then release in part, release in full, withhold in full, extend the classification to a new
// date with a reason, or skip to the next. The next cables are fetched ahead.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  EXEMPTIONS,
  EXEMPTIONS_1_4,
  onlyUnclassifiedPortions,
  portionLabel,
  type Exemption,
  type ReviewDecision,
} from "../../../../src/core/index.ts";
import { api, query } from "../../api/client.ts";
import type { ArchivedCable, RecordedReview, ReviewQueue } from "../../api/types.ts";
import { usePageShortcuts, type Shortcut } from "../../components/keyboard-help.tsx";
import { Loading, Problem } from "../../components/problem.tsx";
import { typingIn } from "../../components/typing-in.ts";
import { markLabel, noMarks, releaseOf, type Mark, type Marks } from "./review-decision.ts";

const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["j", "k"], does: "Select the next or previous portion (subject and TAGS first)" },
  { keys: ["w", "Space"], does: "Withhold or release the selected portion under the chosen codes" },
  { keys: ["f"], does: "Refer the selected portion to the agency named, or release it again" },
  { keys: ["1", "…", "8"], does: "Choose or drop exemption 1.4(a) to 1.4(h)" },
  { keys: ["p"], does: "Release in part as marked" },
  { keys: ["r"], does: "Release in full (a cable with classified portions asks for r twice)" },
  { keys: ["x"], does: "Withhold in full under the chosen codes (withdrawal card)" },
  { keys: ["e"], does: "Extend to the new date for the reason given (first e goes to the date)" },
  { keys: ["n"], does: "Skip to the next cable" },
];

/** Cables fetched ahead of the one shown. */
const PRELOAD = 3;
/** Queue entries asked for at a time. */
const QUEUE_PAGE = 50;

export function ReviewScene() {
  const [queue, setQueue] = useState<ReviewQueue["cables"] | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<RecordedReview[]>([]);
  const cache = useRef(new Map<string, Promise<ArchivedCable>>());
  const [current, setCurrent] = useState<ArchivedCable | null>(null);
  const [codes, setCodes] = useState<Exemption[]>(["1.4(b)", "1.4(d)"]);
  const [marks, setMarks] = useState<Marks>(noMarks(0, 0));
  const [focus, setFocus] = useState(0);
  const [confirmFull, setConfirmFull] = useState(false);
  const [agency, setAgency] = useState("DOD");
  const [extendTo, setExtendTo] = useState("");
  const [extendReason, setExtendReason] = useState("");
  const extendDate = useRef<HTMLInputElement>(null);
  usePageShortcuts(SHORTCUTS);

  const load = useCallback((id: string) => {
    let p = cache.current.get(id);
    if (!p) {
      p = api<ArchivedCable>("GET", `/api/cables/${encodeURIComponent(id)}`);
      cache.current.set(id, p);
    }
    return p;
  }, []);

  // The first page of the queue, then the next whenever fewer than PRELOAD + 1 cables are left: a sitting goes on
  // through the whole queue without a reload.
  const [more, setMore] = useState(true);
  const lastId = queue?.at(-1)?.id ?? null;
  const wantMore = more && (queue === null || queue.length - index <= PRELOAD + 1);
  useEffect(() => {
    if (!wantMore) return;
    let live = true;
    api<ReviewQueue>("GET", `/api/declass/queue${query({ limit: QUEUE_PAGE, after: lastId })}`)
      .then((q) => {
        if (!live) return;
        setQueue((known) => [...(known ?? []), ...q.cables]);
        if (q.cables.length < QUEUE_PAGE) setMore(false);
      })
      .catch((e: Error) => setError(e));
    return () => {
      live = false;
    };
  }, [wantMore, lastId]);

  const entry = queue?.[index];
  useEffect(() => {
    if (!entry || !queue) return;
    setCurrent(null);
    let live = true;
    load(entry.id)
      .then((c) => {
        if (!live) return;
        setCurrent(c);
        setMarks(noMarks(c.cable.tags.length, c.cable.paragraphs.length));
        setFocus(0);
        setConfirmFull(false);
      })
      .catch((e: Error) => setError(e));
    for (const next of queue.slice(index + 1, index + 1 + PRELOAD)) void load(next.id).catch(() => {});
    return () => {
      live = false;
    };
  }, [entry, queue, index, load]);

  const cable = current?.cable ?? null;
  const items = useMemo(() => (cable ? 1 + cable.tags.length + cable.paragraphs.length : 0), [cable]);

  const next = useCallback(() => {
    setIndex((i) => i + 1);
    setError(null);
  }, []);

  const decide = useCallback(
    async (decision: ReviewDecision) => {
      if (!cable?.id) return;
      setError(null);
      try {
        const recorded = await api<RecordedReview>("POST", "/api/declass/reviews", { cableId: cable.id, decision });
        setDone((d) => [recorded, ...d]);
        next();
      } catch (e) {
        setError(e as Error);
      }
    },
    [cable, next],
  );

  const toggle = useCallback(
    (item: number, referTo: string | null = null) => {
      if (!cable) return;
      setMarks((m) => {
        const flip = (v: Mark): Mark => (v !== null ? null : referTo === null ? [...codes] : { referTo });
        if (item === 0) return { ...m, subject: flip(m.subject) };
        if (item <= cable.tags.length) return { ...m, tags: m.tags.map((t, i) => (i === item - 1 ? flip(t) : t)) };
        const p = item - 1 - cable.tags.length;
        return { ...m, portions: m.portions.map((v, i) => (i === p ? flip(v) : v)) };
      });
    },
    [cable, codes],
  );

  const refer = useCallback(
    (item: number) => {
      if (agency.trim() === "") return setError(new Error("Name the agency to refer the portion to first."));
      toggle(item, agency.trim());
    },
    [agency, toggle],
  );

  const extend = useCallback(() => {
    if (extendTo === "" || extendReason.trim() === "") {
      extendDate.current?.focus();
      return setError(new Error("Give the new review date and the reason to extend."));
    }
    void decide({ outcome: "extend", until: extendTo, reason: extendReason.trim() });
    setExtendTo("");
    setExtendReason("");
  }, [extendTo, extendReason, decide]);

  const releaseInFull = useCallback(() => {
    if (!cable) return;
    if (!onlyUnclassifiedPortions(cable) && !confirmFull) {
      setConfirmFull(true);
      return;
    }
    void decide(releaseOf(noMarks(cable.tags.length, cable.paragraphs.length)));
  }, [cable, confirmFull, decide]);

  const withholdInFull = useCallback(() => {
    if (codes.length === 0) return setError(new Error("Choose at least one exemption code first."));
    void decide({ outcome: "withhold-in-full", exemptions: codes, subject: { action: "withhold", exemptions: codes } });
  }, [codes, decide]);

  const toggleCode = (code: Exemption) =>
    setCodes((c) =>
      c.includes(code) ? c.filter((x) => x !== code) : EXEMPTIONS.filter((e) => [...c, code].includes(e)),
    );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target) || e.ctrlKey || e.metaKey || e.altKey || !cable) return;
      const digit = Number(e.key);
      if (digit >= 1 && digit <= 8) toggleCode(EXEMPTIONS_1_4[digit - 1]!);
      else if (e.key === "j") setFocus((f) => Math.min(items - 1, f + 1));
      else if (e.key === "k") setFocus((f) => Math.max(0, f - 1));
      else if (e.key === "w" || e.key === " ") toggle(focus);
      else if (e.key === "f") refer(focus);
      else if (e.key === "e") extend();
      else if (e.key === "p") void decide(releaseOf(marks));
      else if (e.key === "r") releaseInFull();
      else if (e.key === "x") withholdInFull();
      else if (e.key === "n") next();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [cable, items, focus, marks, toggle, refer, extend, decide, releaseInFull, withholdInFull, next]);

  if (queue === null) return error ? <Problem error={error} /> : <Loading what="Loading the review queue" />;
  const left = queue.length - index;
  const markOf = (item: number): Mark =>
    item === 0
      ? marks.subject
      : item <= (cable?.tags.length ?? 0)
        ? marks.tags[item - 1]!
        : marks.portions[item - 1 - (cable?.tags.length ?? 0)]!;
  const row = (item: number, label: string, text: string) => {
    const mark = markOf(item);
    return (
      <li
        key={item}
        className={`review-item${focus === item ? " selected" : ""}${mark ? " withheld" : ""}`}
        aria-current={focus === item ? "true" : undefined}
      >
        <button type="button" className="review-toggle" onClick={() => (setFocus(item), toggle(item))}>
          {markLabel(mark)}
        </button>{" "}
        <button
          type="button"
          className="review-refer"
          aria-label={`Refer ${label} to ${agency || "an agency"}`}
          onClick={() => (setFocus(item), refer(item))}
        >
          Refer (f)
        </button>
        <span className="review-label">{label}</span> <span className="review-text">{text}</span>
      </li>
    );
  };
  return (
    <>
      <h1>Declassification review</h1>
      <p className="muted keys-hint">
        {left > 0
          ? `${left}${more ? "+" : ""} cable${left === 1 && !more ? "" : "s"} in the queue`
          : "The queue is empty."}{" "}
        · {done.length} decided this sitting · <span className="kbd">?</span> lists the keys
      </p>
      <fieldset className="review-codes">
        <legend>Exemption codes for what you withhold</legend>
        {EXEMPTIONS.map((code) => (
          <label key={code} className="review-code">
            <input type="checkbox" checked={codes.includes(code)} onChange={() => toggleCode(code)} /> {code}
          </label>
        ))}
      </fieldset>
      <label className="review-agency">
        Agency to refer portions to <input value={agency} onChange={(e) => setAgency(e.target.value)} size={12} />
      </label>
      <Problem error={error ?? undefined} />
      {entry && !cable && <Loading what={`Opening ${entry.id}`} />}
      {cable && (
        <article aria-label={`Review of ${cable.id}`} className="review-cable">
          <h2>
            {cable.id} · {cable.classification ?? "unknown"} · E.O. {cable.eo?.order ?? ""} {cable.eo?.text ?? ""}
          </h2>
          {confirmFull && <p role="alert">This cable has classified portions: press r again to release it in full.</p>}
          <div className="toolbar">
            <button type="button" onClick={() => void decide(releaseOf(marks))}>
              Release in part (p)
            </button>
            <button type="button" onClick={releaseInFull}>
              Release in full (r)
            </button>
            <button type="button" onClick={withholdInFull}>
              Withhold in full (x)
            </button>
            <button type="button" onClick={next}>
              Next (n)
            </button>
          </div>
          <form
            className="review-extend"
            aria-label="Extend the classification"
            onSubmit={(e) => {
              e.preventDefault();
              extend();
            }}
          >
            <label>
              Extend to{" "}
              <input ref={extendDate} type="date" value={extendTo} onChange={(e) => setExtendTo(e.target.value)} />
            </label>{" "}
            <label>
              Reason <input value={extendReason} onChange={(e) => setExtendReason(e.target.value)} size={40} />
            </label>{" "}
            <button type="submit">Extend (e)</button>
          </form>
          <ol className="review-items" aria-label="Portions">
            {row(0, "Subject", cable.subject ?? "(none)")}
            {cable.tags.map((tag, i) => row(1 + i, "TAGS", tag))}
            {cable.paragraphs.map((p, i) => row(1 + cable.tags.length + i, portionLabel(p), p.text))}
          </ol>
        </article>
      )}
      {done.length > 0 && (
        <section aria-label="Decided this sitting">
          <h2>Decided this sitting</h2>
          <ul>
            {done.map((d) => (
              <li key={d.reviewId}>
                {d.cableId}: {d.outcome}
                {d.readingRoom && (
                  <>
                    {" "}
                    · <a href={d.readingRoom}>public version</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
