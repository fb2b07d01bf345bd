import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import i18next from 'i18next';
import {
  ApiError,
  api,
  setCsrfToken,
  setSecondFactorRequiredHandler,
  setUnauthenticatedHandler,
} from '../api/client.js';
import type { Me } from '../api/types.js';
import { isLanguage } from '../i18n/index.js';

interface Session {
  me: Me | null;
  loading: boolean;
  signIn: (username: string, password: string, totp?: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Takes a fresh Me from an API answer (keeps the CSRF token). */
  update: (me: Me) => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/**
 * The signed-in user, kept in memory only. After a reload, GET /me brings back the user and
 * the CSRF token of the session cookie; a 401 anywhere returns to the sign-in screen.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  // The i18next instance itself, not the one from useTranslation(): that object changes with
  // every language switch, which would re-run the effect below and fetch /me again (whose
  // answer, if older than the saved switch, would switch the language back).
  const accept = useCallback((next: Me) => {
    if (next.csrfToken !== undefined) setCsrfToken(next.csrfToken);
    setMe((previous) => ({ ...next, csrfToken: next.csrfToken ?? previous?.csrfToken }));
    if (isLanguage(next.user.language) && next.user.language !== i18next.language) {
      void i18next.changeLanguage(next.user.language);
    }
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(undefined);
    setMe(null);
  }, []);

  const refresh = useCallback(
    () =>
      api<Me>('GET', '/api/v1/me')
        .then(accept)
        .catch((error: unknown) => {
          if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        }),
    [accept],
  );

  useEffect(() => {
    setUnauthenticatedHandler(forget);
    // The node says a second factor is due (e.g. it was reset): fetch the state that says so.
    setSecondFactorRequiredHandler(() => void refresh());
    void refresh().finally(() => setLoading(false));
    return () => {
      setUnauthenticatedHandler(undefined);
      setSecondFactorRequiredHandler(undefined);
    };
  }, [forget, refresh]);

  const session = useMemo<Session>(
    () => ({
      me,
      loading,
      async signIn(username, password, totp) {
        accept(
          await api<Me>('POST', '/api/v1/auth/login', {
            username,
            password,
            ...(totp !== undefined && totp !== '' && { totp }),
          }),
        );
      },
      async signOut() {
        try {
          await api('POST', '/api/v1/auth/logout');
        } catch {
          // Signed out here either way; an expired session needs no sign-out at the node.
        } finally {
          forget();
        }
      },
      update: accept,
    }),
    [me, loading, accept, forget],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
