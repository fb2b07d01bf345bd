import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv, type Options as AjvOptions } from 'ajv';
import formatsPlugin from 'ajv-formats';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { AuditWriter } from './audit/audit-writer.js';
import { auditRoutes } from './audit/audit.routes.js';
import { createAuditService } from './audit/audit.service.js';
import { registerAccessControl, type RouteAccess } from './identity/access-control.js';
import { agencyRoutes } from './identity/agencies.routes.js';
import { createAgencyService } from './identity/agencies.service.js';
import { apiTokenRoutes } from './identity/api-tokens.routes.js';
import { createApiTokenService } from './identity/api-tokens.service.js';
import { authRoutes } from './identity/auth.routes.js';
import { createAuthService } from './identity/auth.service.js';
import { createAuthenticator } from './identity/authenticate.js';
import type { ThrottleLimits } from './identity/login-throttle.js';
import { userRoutes } from './identity/users.routes.js';
import { createUserService } from './identity/users.service.js';
import type { NodeConfig } from './kernel/config.js';
import { createSecretBox } from './kernel/crypto/secret-box.js';
import { hmac } from './kernel/crypto/tokens.js';
import type { Db } from './kernel/db/database.js';
import { registerJsonBodyParser } from './kernel/http/body-parser.js';
import { badRequest } from './kernel/http/errors.js';
import { registerProblemHandlers } from './kernel/http/problems.js';
import { DEFAULT_DELIVERY, DeliveryWorker, type DeliverySettings } from './federation/delivery.js';
import { EnvelopeTypes } from './federation/envelope.js';
import { federationAdminRoutes } from './federation/federation-admin.routes.js';
import { createFederationMetrics } from './federation/federation.metrics.js';
import { federationPeerRoutes } from './federation/federation.routes.js';
import { createFederationService } from './federation/federation.service.js';
import { loadFederation, type Federation } from './federation/federation.js';
import { Inbox } from './federation/inbox.js';
import { pingType } from './federation/ping.js';
import { RegisterFetcher } from './federation/register-fetch.js';
import { createPeerFetch, type ClientTls } from './federation/transport.js';
import { DeadlineWatcher } from './exchange/deadline-watcher.js';
import { exchangeRoutes } from './exchange/exchange.routes.js';
import { createExchangeService, type WarnBefore } from './exchange/exchange.service.js';
import { createStatisticsService } from './exchange/exchange.statistics.js';
import { consultationRoutes } from './consultation/consultation.routes.js';
import { createConsultationService } from './consultation/consultation.service.js';
import { RetentionJob } from './records/retention.job.js';
import { retentionRoutes } from './records/retention.routes.js';
import { createRetentionService } from './records/retention.service.js';
import { oversightRoutes } from './dpo/oversight.routes.js';
import { recordsRoutes } from './records/records.routes.js';
import { fillNameKeys } from './records/records.queries.js';
import { createRecordsService } from './records/records.service.js';
import { accessReportRoutes } from './dpo/access-report.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { healthRoutes } from './operations/health.routes.js';
import { registerHttpMetrics } from './operations/metrics.js';
import { portalPublicRoutes } from './portal/portal.public.routes.js';
import { portalRoutes } from './portal/portal.routes.js';
import { createPortalService } from './portal/portal.service.js';
import { ViewCounter } from './portal/views.js';
import { DEFAULT_WEB_DIR, registerWebShell } from './web-shell/static.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface AppDependencies {
  config: Pick<NodeConfig, 'logLevel' | 'publicUrl'>;
  db: Db;
  /** The node's 32-byte data key (sealing TOTP secrets, deriving CSRF tokens). */
  dataKey: Buffer;
  /** Where the built web workspace is; the default is the web package's build. */
  webDir?: string;
  throttle?: ThrottleLimits;
  /** Log destination; standard output when not given. */
  logStream?: NodeJS.WritableStream;
  /** Where the node's signing keys are, and how its outbox is delivered. */
  federation?: {
    keyDir: string;
    delivery?: Partial<DeliverySettings>;
    /** Run the delivery worker in this process (the default). */
    worker?: boolean;
    /** Where the signed register is published, to fetch it now and then. */
    registerUrl?: string;
    /** The client certificate to present to peers that require mutual TLS. */
    clientTls?: ClientTls;
  };
  /** Information exchange: when handlers are warned of deadlines, how often to look. */
  exchange?: {
    warnBefore?: Partial<WarnBefore>;
    deadlineCheckMs?: number;
    /** Run the deadline watcher in this process (the default). */
    deadlineWatcher?: boolean;
  };
  /** Consultation bodies: the clock that decides "today" and overdue (tests set it). */
  consultation?: { clock?: () => Date };
  /**
   * Public portal: the clock that decides scheduled from published (tests set it), and
   * how long a rendered page is kept (ms; 0 renders every request).
   */
  portal?: { clock?: () => Date; pageCacheMs?: number };
  /**
   * Personal-data records: the clock of their retention schedule (tests set it), how
   * often the retention job runs (ms), and whether it runs on its own in this process
   * (the default; when off, `App.retention.tick()` runs a pass).
   */
  records?: { clock?: () => Date; retentionCheckMs?: number; retentionJob?: boolean };
}

export interface App {
  server: FastifyInstance;
  /** Every API route with the action it declares. */
  routes: RouteAccess[];
  audit: AuditWriter;
  /** The deadline watcher; null when switched off. */
  deadlines: DeadlineWatcher | null;
  /** The retention job (reviews and erasure); it runs on its own unless switched off. */
  retention: RetentionJob | null;
  /** The node's federation equipment; null until `node init` has run. */
  federation: Federation | null;
  delivery: DeliveryWorker | null;
  /** Views of public news items, waiting to be written. */
  portalViews: ViewCounter;
  /** Stops taking requests and writes the audit entries still waiting. */
  close(): Promise<void>;
}

/** The composition root: builds every service once and wires it to its routes. */
export async function buildApp(deps: AppDependencies): Promise<App> {
  const { db, config } = deps;
  const logger: FastifyServerOptions['logger'] = {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    ...(deps.logStream && { stream: deps.logStream }),
  };
  const server = Fastify({
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidators(server);
  registerJsonBodyParser(server);
  registerProblemHandlers(server);
  const metrics = registerHttpMetrics(server);

  server.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // PostgreSQL cannot store NUL; refuse it in the path and query at the door.
    if (/%00/i.test(request.url))
      throw badRequest('invalid_text', 'The address contains a NUL character.');
  });
  server.addHook('onSend', async (request, reply) => {
    const api = request.url.startsWith('/api/v1/') || request.url.startsWith('/federation/');
    if (api && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
  });

  await server.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await server.register(fastifyCookie);
  await server.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Senningen node API',
        version: '1',
        description:
          'The JSON API of a Senningen national node. Errors are RFC 9457 problem details with a stable `code`.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'senningen_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    hideUntagged: true,
  });
  await server.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const audit = new AuditWriter(db);
  const cookie = { secure: config.publicUrl.startsWith('https:') };
  const authenticator = createAuthenticator({ db });
  const secretBox = createSecretBox(deps.dataKey);
  const auth = createAuthService({
    db,
    audit,
    secretBox,
    csrfKey: Buffer.from(hmac(deps.dataKey, 'key', 'csrf'), 'base64url'),
    ...(deps.throttle && { throttle: deps.throttle }),
  });
  const routes = registerAccessControl(server, { authenticator, auth, audit, cookie });

  server.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    server.swagger(),
  );
  await server.register(healthRoutes, { db, metrics });
  await server.register(authRoutes, { auth, cookie });
  await server.register(agencyRoutes, { agencies: createAgencyService({ db }) });
  await server.register(userRoutes, { users: createUserService({ db, audit }) });
  await server.register(apiTokenRoutes, { tokens: createApiTokenService({ db }) });
  await server.register(auditRoutes, { auditService: createAuditService({ db, audit }) });

  const types = new EnvelopeTypes().define('ping', pingType);
  const federation = deps.federation
    ? await loadFederation(db, deps.federation.keyDir, types)
    : null;
  const federationMetrics = createFederationMetrics(metrics, db);
  const fetchPeer = createPeerFetch(deps.federation?.clientTls);
  const delivery =
    federation && deps.federation?.worker !== false
      ? new DeliveryWorker(
          db,
          federation,
          federationMetrics,
          server.log,
          {
            ...DEFAULT_DELIVERY,
            ...deps.federation?.delivery,
          },
          fetchPeer,
        )
      : null;
  const exchange = createExchangeService({
    db,
    audit,
    federation,
    delivery,
    ...(deps.exchange?.warnBefore && { warnBefore: deps.exchange.warnBefore }),
  });
  const records = createRecordsService({
    db,
    audit,
    federation,
    delivery,
    exchange,
    ...(deps.records?.clock && { clock: deps.records.clock }),
  });
  types
    .define('exchange.request', exchange.requestType)
    .define('exchange.event', exchange.eventType)
    .define('record.notice', records.noticeType)
    .define('record.receipt', records.receiptType)
    .define('record.permission-request', records.permissionRequestType)
    .define('record.permission-answer', records.permissionAnswerType);
  await server.register(exchangeRoutes, {
    exchange,
    statistics: createStatisticsService({ db, audit }),
  });
  await server.register(recordsRoutes, { records });
  await server.register(notificationRoutes, { db });
  await server.register(oversightRoutes, { db, audit, federation });
  await server.register(accessReportRoutes, { db, audit, publicUrl: config.publicUrl });
  await server.register(consultationRoutes, {
    consultation: createConsultationService({
      db,
      audit,
      ...(deps.consultation?.clock && { clock: deps.consultation.clock }),
    }),
    publicUrl: config.publicUrl,
  });
  const deadlines =
    deps.exchange?.deadlineWatcher === false
      ? null
      : new DeadlineWatcher(db, server.log, deps.exchange?.deadlineCheckMs);
  await server.register(retentionRoutes, {
    retention: createRetentionService({
      db,
      audit,
      erase: records.eraseInTransaction,
      ...(deps.records?.clock && { clock: deps.records.clock }),
    }),
  });
  const retention = new RetentionJob(
    db,
    server.log,
    deps.records?.retentionCheckMs,
    deps.records?.clock,
  );

  await server.register(federationPeerRoutes, {
    federation,
    inbox: federation ? new Inbox(db, federation) : null,
    metrics: federationMetrics,
  });
  await server.register(federationAdminRoutes, {
    federation: createFederationService({ db, audit, federation, delivery }),
  });
  await server.register(portalRoutes, {
    portal: createPortalService({
      db,
      publicUrl: config.publicUrl,
      ...(deps.portal?.clock && { clock: deps.portal.clock }),
    }),
  });
  const portalViews = new ViewCounter(db, { log: server.log });
  await server.register(portalPublicRoutes, {
    db,
    publicUrl: config.publicUrl,
    views: portalViews,
    ...(deps.portal?.pageCacheMs !== undefined && { cacheTtlMs: deps.portal.pageCacheMs }),
  });
  await registerWebShell(server, deps.webDir ?? DEFAULT_WEB_DIR);

  const registerUrl = deps.federation?.registerUrl;
  const fetcher =
    federation && registerUrl
      ? new RegisterFetcher(db, federation.registers, registerUrl, server.log, undefined, fetchPeer)
      : null;

  await fillNameKeys(db);
  await server.ready();
  delivery?.start();
  fetcher?.start();
  deadlines?.start();
  // Switched off, the job does not run on its own; its passes can still be run by hand.
  if (deps.records?.retentionJob !== false) retention.start();
  portalViews.start();
  return {
    server,
    routes,
    audit,
    deadlines,
    retention,
    federation,
    delivery,
    portalViews,
    async close() {
      fetcher?.stop();
      await deadlines?.stop();
      await retention.stop();
      await delivery?.stop();
      await server.close();
      await portalViews.stop();
      await audit.flush();
    },
  };
}

/**
 * Bodies are validated strictly: wrong types are errors, not coerced, and unknown
 * properties are refused (never silently dropped). Path and query parameters
 * arrive as text and are coerced to the declared types.
 */
function installValidators(server: FastifyInstance): void {
  const addFormats = formatsPlugin as unknown as (ajv: Ajv) => Ajv;
  const base: AjvOptions = {
    allErrors: false,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  };
  const bodyAjv = addFormats(new Ajv({ ...base, coerceTypes: false }));
  const paramAjv = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
  server.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodyAjv : paramAjv).compile(schema),
  );
}
