// A campaign's page (/campaigns/:id?question=&asOf=): the world map coloured by position on the as-of day, the
// tally cards, the counts over time, the table of countries, the taskings, the position form and the suggestions
// to decide.
// Everything is drawn from the events the API gave this reader, tallied in the browser by the core's functions
// (see country-positions.ts), so moving the date costs no request and shows only what the reader may see.
import { useEffect, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { tallySentence } from "../../../../src/core/campaigns/tally-wording.ts";
import type { IsoDate } from "../../../../src/core/countries/iso-date.ts";
import { segment } from "../../api/client.ts";
import type { Campaign } from "../../api/types.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { hasRole, useUser } from "../../stores/session.tsx";
import { useApi } from "../../stores/use-api.ts";
import { clampDate, longDate } from "./campaign-dates.ts";
import { countryRows, fillByCountry, indexCampaign } from "./country-positions.ts";
import { countsOverTime, tallyCards } from "./tally-cards.ts";
import { AsOfControl } from "./components/as-of-control.tsx";
import { ChangesList } from "./components/changes-list.tsx";
import { CountryDetails } from "./components/country-details.tsx";
import { CountryTable } from "./components/country-table.tsx";
import { CountsChart } from "./components/counts-chart.tsx";
import { PositionForm } from "./components/position-form.tsx";
import { SuggestionsPanel } from "./components/suggestions-panel.tsx";
import { TallyCardList } from "./components/tally-card-list.tsx";
import { TaskingsTable } from "./components/taskings-table.tsx";
import { WorldMap } from "./components/world-map.tsx";
import "./campaigns.css";

function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

export function CampaignScene() {
  const { id = "" } = useParams();
  const campaign = useApi<Campaign>(`/api/campaigns/${segment(id)}`);
  if (campaign.error && campaign.data === undefined) {
    return (
      <section aria-labelledby="campaign-problem">
        <h1 id="campaign-problem">{campaign.error.status === 404 ? "Campaign not found" : "Campaign"}</h1>
        <Problem error={campaign.error} />
        <p>
          <Link to="/campaigns">All campaigns</Link>
        </p>
      </section>
    );
  }
  if (campaign.data === undefined) return <Loading what="Loading the campaign" />;
  return <CampaignPage campaign={campaign.data} reload={campaign.reload} />;
}

function CampaignPage({ campaign, reload }: { campaign: Campaign; reload: () => void }) {
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<string | null>(null);
  const user = useUser();
  // The server decides (FORBIDDEN otherwise); the form is offered to the roles it lets record.
  const mayRecord = hasRole(user, "drafter") || hasRole(user, "approver");
  const now = today();
  const min = campaign.startsOn;
  const max = campaign.endsOn !== null && campaign.endsOn < now ? campaign.endsOn : now;
  const question = campaign.questions.find((q) => q.id === params.get("question")) ?? campaign.questions[0];
  // The day lives in the page's state, so that keys pressed in quick succession each step from the last, and is
  // copied to the address (replacing it) so that a link or a reload shows the same day.
  const [asOf, setAsOf] = useState(() => {
    const asked = params.get("asOf");
    return clampDate(asked !== null && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : max, min, max);
  });
  useEffect(() => {
    if (params.get("asOf") === asOf) return;
    const next = new URLSearchParams(params);
    next.set("asOf", asOf);
    setParams(next, { replace: true });
  }, [asOf, params, setParams]);

  const index = useMemo(() => indexCampaign(campaign.events, now), [campaign.events, now]);
  const rows = useMemo(() => (question ? countryRows(index, question, asOf) : []), [index, question, asOf]);
  const rowsByIso = useMemo(() => new Map(rows.map((r) => [r.iso2, r])), [rows]);
  const fills = useMemo(() => fillByCountry(rows), [rows]);
  const cards = useMemo(() => (question ? tallyCards(index, question, asOf) : []), [index, question, asOf]);
  const points = useMemo(
    () => (question ? countsOverTime(index, question, min, max) : []),
    [index, question, min, max],
  );

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  const selectedRow = selected === null ? undefined : rowsByIso.get(selected);
  const world = cards.find((c) => c.code === "WORLD");

  return (
    <div className="campaign-scene">
      <p className="crumbs">
        <Link to="/campaigns">Campaigns</Link>
      </p>
      <h1>{campaign.name}</h1>
      <p className="campaign-objective">{campaign.objective}</p>
      {campaign.questions.length > 1 && (
        <label className="question-select">
          Question
          <select value={question?.id} onChange={(e) => setParam("question", e.target.value)}>
            {campaign.questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {question === undefined ? (
        <p className="muted">This campaign has no question yet.</p>
      ) : (
        <>
          <h2 className="question-title">{question.title}</h2>
          <AsOfControl date={asOf} min={min} max={max} onChange={setAsOf} />
          <p className="visually-hidden" role="status" aria-live="polite">
            {world
              ? `${longDate(asOf)}: ${tallySentence(world.held, world.members, world.label, world.lead.label)}.`
              : ""}
          </p>
          <TallyCardList cards={cards} />
          <div className="campaign-map-row">
            <WorldMap
              rows={rowsByIso}
              fills={fills}
              selected={selected}
              onSelect={setSelected}
              label={`World map of "${question.title}" as of ${longDate(asOf)}; the table of countries below lists the same.`}
            />
            {selectedRow && <CountryDetails row={selectedRow} asOf={asOf} onClose={() => setSelected(null)} />}
          </div>
          <ul className="chart-legend map-legend" aria-label="Map legend">
            {question.positions.map((p) => (
              <li key={p.code}>
                <span className="legend-swatch" style={{ background: p.colour }} aria-hidden="true" /> {p.label}
              </li>
            ))}
            <li>
              <span className="legend-swatch no-position" aria-hidden="true" /> no position recorded
            </li>
          </ul>
          <h2>Over time</h2>
          <CountsChart points={points} positions={question.positions} from={min} to={max} asOf={asOf} />
          <ChangesList campaign={index} question={question} asOf={asOf} min={min} />
          <CountryTable
            rows={rows}
            scale={question.positions}
            fileName={`${campaign.id}${question.id === campaign.id ? "" : `-${question.id}`}-${asOf}.csv`}
            onSelect={setSelected}
          />
          <TaskingsTable
            campaignId={campaign.id}
            questionId={question.id}
            labels={new Map(question.positions.map((p) => [p.code, p.label]))}
          />
          <div className="campaign-side">
            <SuggestionsPanel campaignId={campaign.id} onDecided={reload} />
            {mayRecord ? (
              <PositionForm
                campaignId={campaign.id}
                questions={campaign.questions}
                defaultDate={asOf}
                onRecorded={reload}
              />
            ) : (
              <p className="card muted">Recording a position needs the drafter, approver or admin role.</p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
