// Where a cable stands among its versions: a corrected copy names the cable it supersedes, and a superseded cable
// names its corrected copy, so that nobody acts on the wrong one.
import { Link } from "react-router";
import { segment } from "../../../api/client.ts";
import type { CableVersions } from "../../../api/types.ts";

type Props = { versions: CableVersions | undefined };

export function VersionNote({ versions }: Props) {
  if (!versions || (versions.supersedes === null && versions.supersededBy === null)) return null;
  return (
    <div className="version-note" role="note" aria-label="Versions">
      {versions.supersededBy !== null && (
        <p>
          <strong>Superseded.</strong> A corrected copy replaces this cable:{" "}
          <Link to={`/cables/${segment(versions.supersededBy)}`}>{versions.supersededBy}</Link>.
        </p>
      )}
      {versions.supersedes !== null && (
        <p>
          <strong>Corrected copy.</strong> This cable supersedes{" "}
          <Link to={`/cables/${segment(versions.supersedes)}`}>{versions.supersedes}</Link>.
        </p>
      )}
    </div>
  );
}
