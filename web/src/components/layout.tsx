// The frame of every signed-in page: the header with the navigation, the notification bell, the user's clearance
// and post, sign-out, and a skip link for keyboard users; the page itself in <main>, with its keyboard help on "?".
import { NavLink, Outlet, useNavigate } from "react-router";
import { maySeeSchedule } from "../../../src/core/declass/schedule-roles.ts";
import { SITE_TRAFFIC_ROLE } from "../../../src/core/sites.ts";
import { hasRole, useSession, useUser } from "../stores/session.tsx";
import { AlertStrip } from "./alert-strip.tsx";
import { KeyboardHelp } from "./keyboard-help.tsx";
import { NotificationBell } from "./notification-bell.tsx";

export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const links: { to: string; label: string; show: boolean }[] = [
    { to: "/inbox", label: "Inbox", show: true },
    { to: "/search", label: "Search", show: true },
    { to: "/campaigns", label: "Campaigns", show: true },
    {
      to: "/queue",
      label: "Queue",
      show: hasRole(user, "drafter") || hasRole(user, "approver") || user.offices.length > 0,
    },
    { to: "/compose", label: "Compose", show: hasRole(user, "drafter") },
    { to: "/drafts", label: "My drafts", show: hasRole(user, "drafter") },
    { to: "/sent", label: "Sent", show: hasRole(user, "drafter") },
    { to: "/alerts", label: "Alerts", show: true },
    { to: "/sites", label: "Traffic", show: hasRole(user, SITE_TRAFFIC_ROLE) },
    { to: "/review", label: "Review", show: hasRole(user, "reviewer") },
    { to: "/audit", label: "Audit", show: hasRole(user, "archivist") },
    { to: "/declass", label: "Declassification", show: maySeeSchedule(user) },
    { to: "/admin", label: "Administration", show: hasRole(user, "admin") },
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">Cablegram</span>
        <nav aria-label="Main">
          {links
            .filter((l) => l.show)
            .map((l) => (
              <NavLink key={l.to} to={l.to}>
                {l.label}
              </NavLink>
            ))}
        </nav>
        <NotificationBell />
        <div className="who" aria-label="Signed in as">
          <span className="who-name">{user.username}</span>
          <span className="who-detail" title="Clearance">
            {user.clearance}
            {user.accesses.length > 0 ? ` · ${user.accesses.join(", ")}` : ""}
          </span>
          <span className="who-detail" title="Post">
            {user.post ?? "no post"}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              void signOut().then(() => navigate("/signin"));
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <AlertStrip />
      <main id="main" tabIndex={-1}>
        <KeyboardHelp>
          <Outlet />
        </KeyboardHelp>
      </main>
    </>
  );
}
