import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorContext, anonymousContext } from '../kernel/http/context.js';
import {
  ChangePasswordBody,
  ConfirmEnrolmentBody,
  Enrolment,
  LoginBody,
  Me,
  UpdateMeBody,
} from './auth.schemas.js';
import type { AuthService } from './auth.service.js';
import {
  clearSessionCookie,
  readSessionToken,
  setSessionCookie,
  type SessionCookieSettings,
} from './session-cookie.js';

export const authRoutes: FastifyPluginAsyncTypebox<{
  auth: AuthService;
  cookie: SessionCookieSettings;
}> = async (app, { auth, cookie }) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username, password and, once enrolled, a TOTP code',
        body: LoginBody,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const result = await auth.login(anonymousContext(request), request.body);
      setSessionCookie(reply, cookie, result.sessionToken, result.expiresAt);
      return result.me;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { action: 'auth.logout' },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await auth.logout(actorContext(request));
      clearSessionCookie(reply, cookie);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { action: 'self.read' },
      schema: { tags: ['me'], summary: 'The signed-in user', response: { 200: Me } },
    },
    async (request) =>
      auth.me(
        actorContext(request),
        request.actorUser!,
        request.actor?.kind === 'session' ? readSessionToken(request, cookie) : undefined,
      ),
  );

  app.patch(
    '/api/v1/me',
    {
      config: { action: 'self.update' },
      schema: {
        tags: ['me'],
        summary: 'Change the own display name or language',
        body: UpdateMeBody,
        response: { 200: Me },
      },
    },
    async (request) => auth.updateMe(actorContext(request), request.body),
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { action: 'self.change-password' },
      schema: {
        tags: ['me'],
        summary: 'Change the own password',
        body: ChangePasswordBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await auth.changePassword(actorContext(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/second-factor',
    {
      config: { action: 'self.enrol-second-factor' },
      schema: {
        tags: ['me'],
        summary: 'Start enrolling a TOTP second factor',
        response: { 200: Enrolment },
      },
    },
    async (request) => auth.startSecondFactorEnrolment(actorContext(request)),
  );

  app.post(
    '/api/v1/me/second-factor/confirm',
    {
      config: { action: 'self.enrol-second-factor' },
      schema: {
        tags: ['me'],
        summary: 'Finish the enrolment with a first code from the authenticator app',
        body: ConfirmEnrolmentBody,
        response: { 200: Me },
      },
    },
    async (request) => auth.confirmSecondFactorEnrolment(actorContext(request), request.body.code),
  );
};
