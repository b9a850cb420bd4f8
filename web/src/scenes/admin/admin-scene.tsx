// Administration, for admins: users (clearance, accesses, lists, roles, post, offices), the directory (posts,
// offices, collectives) and the duty roster of who is alerted for NIACT traffic at each post.
import { useSearchParams } from "react-router";
import { DirectoryPanel } from "./components/directory-panel.tsx";
import { DutyRosterPanel } from "./components/duty-roster-panel.tsx";
import { UsersPanel } from "./components/users-panel.tsx";

const TABS = [
  { key: "users", label: "Users" },
  { key: "directory", label: "Directory" },
  { key: "duty", label: "Duty officers" },
] as const;

export function AdminScene() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.key === params.get("tab"))?.key ?? "users";
  return (
    <>
      <h1>Administration</h1>
      <div role="tablist" aria-label="Administration" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`panel-${t.key}`}
            onClick={() => setParams({ tab: t.key }, { replace: true })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "users" && <UsersPanel />}
        {tab === "directory" && <DirectoryPanel />}
        {tab === "duty" && <DutyRosterPanel />}
      </section>
    </>
  );
}
