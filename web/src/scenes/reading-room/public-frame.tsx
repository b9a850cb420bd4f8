// The frame of the public reading room's pages: no session, no navigation to staff pages, only the room and a
// way for staff to sign in.
import type { ReactNode } from "react";
import { Link } from "react-router";

export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link className="brand" to="/reading-room">
          Cablegram reading room
        </Link>
        <nav aria-label="Reading room">
          <Link to="/reading-room">Released cables</Link>
          <Link to="/signin">Staff sign in</Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="reading-room">
        {children}
      </main>
    </>
  );
}
