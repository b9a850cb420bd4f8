// The signed-in user, for every scene: loaded once from GET /api/session, set by sign-in, cleared by sign-out
// or by any 401 answer (the session expired).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, ApiError } from "../api/client.ts";
import type { Session, User } from "../api/types.ts";

type SessionState = {
  /** undefined while loading; null when nobody is signed in. */
  user: User | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

/** Provides the session to the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api<{ session: Session | null }>("GET", "/api/session/current")
      .then((s) => setUser(s.session?.user ?? null))
      .catch(() => setUser(null));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await api<Session>("POST", "/api/session", { username, password });
    setUser(session.user);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api("DELETE", "/api/session");
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; only inside SessionProvider. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error("useUser without a signed-in user");
  return user;
}

export { hasRole } from "../../../src/core/roles.ts";
