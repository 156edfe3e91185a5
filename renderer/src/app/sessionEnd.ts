import { call, setSessionLostHandler } from '../api/client';

/** Why the login screen is showing again; read once by the login screen after the reload. */
export type LoginNotice = 'idle' | 'manual' | 'expired' | 'logout' | 'recovered';

const noticeKey = 'teduh.loginNotice';
const notices: readonly LoginNotice[] = ['idle', 'manual', 'expired', 'logout', 'recovered'];

export function leaveNotice(notice: LoginNotice): void {
  try {
    sessionStorage.setItem(noticeKey, notice);
  } catch {
    // No storage: the login screen simply shows no notice.
  }
}

export function takeNotice(): LoginNotice | null {
  try {
    const value = sessionStorage.getItem(noticeKey);
    sessionStorage.removeItem(noticeKey);
    return notices.includes(value as LoginNotice) ? (value as LoginNotice) : null;
  } catch {
    return null;
  }
}

/**
 * Every way out of a session ends here: tell the core, then reload the page so nothing the
 * user saw stays in the renderer's memory. After a lock the same screen opens again at the
 * next login; after a logout the next user starts at the home screen.
 */
export async function endSession(how: 'idle' | 'manual' | 'logout' | 'expired'): Promise<void> {
  // Leaving already: a call failing from here on must not start a second exit.
  setSessionLostHandler(null);
  try {
    if (how === 'logout') await call('auth.logout', {});
    else if (how !== 'expired') await call('auth.lock', { reason: how });
  } catch {
    // The session may already be gone; the reload below is what matters.
  }
  leaveNotice(how);
  if (how === 'logout') window.history.replaceState(null, '', '#/');
  window.location.reload();
}

/** The notice left by the previous page, taken once when this page loads. */
export const noticeAtStart: LoginNotice | null = takeNotice();
