// The directory: posts (with station, routing indicator, country, kind and time zone), offices and collectives.
// Posts are many (hundreds), and every one has its sections: one filter narrows both tables as one types.
import { useState } from "react";
import type { Collective, Office, Post } from "../../../api/types.ts";
import { Loading, Problem } from "../../../components/problem.tsx";
import { useApi } from "../../../stores/use-api.ts";
import { AddOfficeForm, AddPostForm } from "./directory-forms.tsx";
import { CollectivesTable } from "./collectives-table.tsx";
import { RemoveButton } from "./remove-button.tsx";

export function DirectoryPanel() {
  const posts = useApi<Post[]>("/api/directory/posts");
  const offices = useApi<Office[]>("/api/directory/offices");
  const collectives = useApi<Collective[]>("/api/directory/collectives");
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toUpperCase();
  const shown = (posts.data ?? []).filter(
    (p) =>
      !needle ||
      String(p.name).includes(needle) ||
      (p.station ?? "").includes(needle) ||
      (p.routingIndicator ?? "").includes(needle) ||
      (p.country ?? "") === needle,
  );

  const stationOf = new Map((posts.data ?? []).map((p) => [String(p.name), p.station ?? ""]));
  const shownOffices = (offices.data ?? []).filter(
    (o) =>
      !needle ||
      o.code.includes(needle) ||
      String(o.post ?? "").includes(needle) ||
      stationOf.get(String(o.post ?? "")) === needle,
  );

  return (
    <>
      <h2>Posts</h2>
      <div className="toolbar">
        <label>
          Filter posts
          <input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="PARIS, RUEHFR, FR" />
        </label>
        <span className="muted" role="status">
          {shown.length} of {posts.data?.length ?? 0}
        </span>
      </div>
      <AddPostForm onAdded={posts.reload} />
      <Problem error={posts.error} />
      {posts.loading && !posts.data ? (
        <Loading what="Loading posts" />
      ) : (
        <div className="scroll-box">
          <table aria-label="Posts">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Station</th>
                <th scope="col">Routing indicator</th>
                <th scope="col">Country</th>
                <th scope="col">Kind</th>
                <th scope="col">Time zone</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, 300).map((p) => (
                <tr key={String(p.name)}>
                  <th scope="row">{String(p.name)}</th>
                  <td className="mono">{p.station}</td>
                  <td className="mono">{p.routingIndicator}</td>
                  <td>{p.country}</td>
                  <td>{p.kind}</td>
                  <td>{p.timeZone}</td>
                  <td>
                    <RemoveButton
                      what={String(p.name)}
                      path={`/api/directory/posts/${encodeURIComponent(String(p.name))}`}
                      onRemoved={posts.reload}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > 300 && <p className="muted">Showing 300 of {shown.length}; narrow the filter.</p>}
        </div>
      )}

      <h2>Offices</h2>
      <AddOfficeForm onAdded={offices.reload} />
      <Problem error={offices.error} />
      <table aria-label="Offices">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Post</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shownOffices.slice(0, 300).map((o) => (
            <tr key={`${o.post ?? ""} ${o.code}`}>
              <th scope="row" className="mono">
                {o.code}
              </th>
              <td>{o.name}</td>
              <td>{o.post ? String(o.post) : <span className="muted">any</span>}</td>
              <td>
                <RemoveButton
                  what={o.post ? `${o.code} at ${String(o.post)}` : o.code}
                  path={`/api/directory/offices/${encodeURIComponent(o.code)}${o.post ? `?post=${encodeURIComponent(String(o.post))}` : ""}`}
                  onRemoved={offices.reload}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shownOffices.length > 300 && (
        <p className="muted">Showing 300 of {shownOffices.length} offices; narrow the filter (a post or a code).</p>
      )}

      <h2>Collectives</h2>
      <Problem error={collectives.error} />
      <CollectivesTable collectives={collectives.data ?? []} onChanged={collectives.reload} />
    </>
  );
}
