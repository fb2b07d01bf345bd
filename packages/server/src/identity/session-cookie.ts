import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SessionCookieSettings {
  /** True when the node is served over HTTPS: the cookie is then Secure and host-bound. */
  secure: boolean;
}

export const sessionCookieName = ({ secure }: SessionCookieSettings) =>
  secure ? '__Host-senningen_session' : 'senningen_session';

export function readSessionToken(
  request: FastifyRequest,
  settings: SessionCookieSettings,
): string | undefined {
  const value = request.cookies[sessionCookieName(settings)];
  return value !== undefined && value.length > 0 && value.length < 200 ? value : undefined;
}

export function setSessionCookie(
  reply: FastifyReply,
  settings: SessionCookieSettings,
  token: string,
  expiresAt: Date,
): void {
  void reply.setCookie(sessionCookieName(settings), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: SessionCookieSettings): void {
  void reply.clearCookie(sessionCookieName(settings), {
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.secure,
    path: '/',
  });
}
