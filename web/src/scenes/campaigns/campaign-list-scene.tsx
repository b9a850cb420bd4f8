// The campaigns (/campaigns): each with its objective, dates and questions, linking to its map page.
import { Link } from "react-router";
import type { CampaignSummary } from "../../api/types.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { useApi } from "../../stores/use-api.ts";
import { longDate } from "./campaign-dates.ts";

export function CampaignListScene() {
  const campaigns = useApi<CampaignSummary[] | { items: CampaignSummary[] }>("/api/campaigns");
  const list = Array.isArray(campaigns.data) ? campaigns.data : (campaigns.data?.items ?? []);
  return (
    <section aria-labelledby="campaigns-heading" className="campaign-list">
      <h1 id="campaigns-heading">Campaigns</h1>
      <Problem error={campaigns.error} />
      {campaigns.loading && campaigns.data === undefined && <Loading what="Loading campaigns" />}
      {campaigns.data !== undefined && list.length === 0 && <p className="muted">No campaign yet.</p>}
      <ul className="campaign-cards">
        {list.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>
            </h2>
            <p>{c.objective}</p>
            <p className="muted">
              From {longDate(c.startsOn)}
              {c.endsOn ? ` to ${longDate(c.endsOn)}` : ""}
              {c.office ? ` · ${c.office}` : ""}
              {c.tags.length > 0 ? ` · ${c.tags.join(" ")}` : ""}
            </p>
            <ul className="question-list">
              {c.questions.map((q) => (
                <li key={q.id}>{q.title}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
