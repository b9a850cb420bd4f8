// The routes of the web app. Every page but sign-in and the public reading room needs a session; a signed-out visitor is sent to sign in
// and brought back to the page asked for.
import { lazy, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { SITE_TRAFFIC_ROLE } from "../../src/core/sites.ts";
import { Layout } from "./components/layout.tsx";
import { Loading } from "./components/problem.tsx";
import { RoleRequired } from "./components/role-required.tsx";
import { ActionsScene } from "./scenes/actions/actions-scene.tsx";
import { AdminScene } from "./scenes/admin/admin-scene.tsx";
import { AlertsScene } from "./scenes/alerts/alerts-scene.tsx";
import { AuditScene } from "./scenes/audit/audit-scene.tsx";
import { DeclassScene } from "./scenes/declass/declass-scene.tsx";
import { CampaignListScene } from "./scenes/campaigns/campaign-list-scene.tsx";
import { ComposerScene } from "./scenes/composer/composer-scene.tsx";
import { InboxScene } from "./scenes/inbox/inbox-scene.tsx";
import { QueueScene } from "./scenes/queue/queue-scene.tsx";
import { MyDraftsScene } from "./scenes/mine/my-drafts-scene.tsx";
import { SentScene } from "./scenes/mine/sent-scene.tsx";
import { ReaderScene } from "./scenes/reader/reader-scene.tsx";
import { ReadingRoomScene } from "./scenes/reading-room/reading-room-scene.tsx";
import { ReleasedScene } from "./scenes/reading-room/released-scene.tsx";
import { ReviewScene } from "./scenes/review/review-scene.tsx";
import { SearchScene } from "./scenes/search/search-scene.tsx";
import { SignInScene } from "./scenes/sign-in/sign-in-scene.tsx";
import { SitesScene } from "./scenes/sites/sites-scene.tsx";
import { SessionProvider, useSession } from "./stores/session.tsx";

// The campaign page brings the world atlas and the bloc data along: it loads when first opened.
const CampaignScene = lazy(() =>
  import("./scenes/campaigns/campaign-scene.tsx").then((m) => ({ default: m.CampaignScene })),
);
// The graph library is most of the bundle and only this page draws with it: it loads when first needed.
const GraphScene = lazy(() => import("./scenes/graph/graph-scene.tsx").then((m) => ({ default: m.GraphScene })));

function RequireSession() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading what="Opening your session" />;
  if (user === null) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <Layout />;
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/signin" element={<SignInScene />} />
          <Route path="/reading-room" element={<ReadingRoomScene />} />
          <Route path="/reading-room/:id" element={<ReleasedScene />} />
          <Route element={<RequireSession />}>
            <Route index element={<Navigate to="/inbox" replace />} />
            <Route path="/inbox" element={<InboxScene />} />
            <Route path="/cables/:id" element={<ReaderScene />} />
            <Route
              path="/cables/:id/graph"
              element={
                <Suspense fallback={<Loading what="Loading the graph" />}>
                  <GraphScene />
                </Suspense>
              }
            />
            <Route path="/cables/:id/actions" element={<ActionsScene />} />
            <Route
              path="/compose"
              element={
                <RoleRequired role="drafter" what="Composing cables">
                  <ComposerScene />
                </RoleRequired>
              }
            />
            <Route path="/drafts" element={<MyDraftsScene />} />
            <Route path="/sent" element={<SentScene />} />
            <Route path="/drafts/:id" element={<ComposerScene />} />
            <Route path="/queue" element={<QueueScene />} />
            <Route path="/search" element={<SearchScene />} />
            <Route path="/alerts" element={<AlertsScene />} />
            <Route
              path="/audit"
              element={
                <RoleRequired role="archivist" what="The audit log">
                  <AuditScene />
                </RoleRequired>
              }
            />
            <Route
              path="/review"
              element={
                <RoleRequired role="reviewer" what="Declassification review">
                  <ReviewScene />
                </RoleRequired>
              }
            />
            <Route
              path="/sites"
              element={
                <RoleRequired role={SITE_TRAFFIC_ROLE} what="Traffic to other sites">
                  <SitesScene />
                </RoleRequired>
              }
            />
            <Route path="/declass" element={<DeclassScene />} />
            <Route path="/campaigns" element={<CampaignListScene />} />
            <Route
              path="/campaigns/:id"
              element={
                <Suspense fallback={<Loading what="Loading the campaign" />}>
                  <CampaignScene />
                </Suspense>
              }
            />
            <Route
              path="/admin"
              element={
                <RoleRequired role="admin" what="Administration">
                  <AdminScene />
                </RoleRequired>
              }
            />
            <Route path="*" element={<p>No such page.</p>} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
