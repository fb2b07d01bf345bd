import { v7 as uuidv7 } from 'uuid';
import { appendAudit, type AuditContext } from '../audit/audit-log.js';
import type { Db } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import { conflict, forbidden, isUniqueViolation, notFound } from '../kernel/http/errors.js';
import { assertReach } from '../kernel/policy/guard.js';
import { canReach } from '../kernel/policy/policy.js';
import { presentAgency } from './agencies.presenter.js';
import {
  findAgencyByCode,
  findAgencyById,
  findSpoc,
  insertAgency,
  listAgencies,
  updateAgency,
} from './agencies.queries.js';
import type { Agency, CreateAgencyBody, UpdateAgencyBody } from './agencies.schemas.js';

export type AgencyService = ReturnType<typeof createAgencyService>;

export function createAgencyService({ db }: { db: Db }) {
  return {
    async list(): Promise<Agency[]> {
      return (await listAgencies(db)).map(presentAgency);
    },

    async get(id: string): Promise<Agency> {
      const row = await findAgencyById(db, id);
      if (!row) throw notFound('No such agency.');
      return presentAgency(row);
    },

    async create(ctx: ActorContext, input: CreateAgencyBody): Promise<Agency> {
      if (!canReach(ctx.actor, 'agency.create', { country: input.country, agencyId: '' })) {
        throw forbidden('outside_reach', 'You may only create agencies of your own country.');
      }
      return createAgencyRecord(db, ctx, input);
    },

    async update(ctx: ActorContext, id: string, input: UpdateAgencyBody): Promise<Agency> {
      try {
        return await db.transaction().execute(async (trx) => {
          const current = await findAgencyById(trx, id);
          if (!current) throw notFound('No such agency.');
          assertReach(ctx, 'agency.update', 'agency', id, {
            agencyId: current.id,
            country: current.country,
          });
          if (input.disabled === true && ctx.actor.agencyId === id) {
            throw conflict('cannot_disable_own_agency', 'You cannot disable your own agency.');
          }
          if (input.isSpoc === true && !current.is_spoc) {
            const spoc = await findSpoc(trx, current.country);
            if (spoc) throw spocTaken();
          }
          const now = new Date();
          const updated = await updateAgency(
            trx,
            id,
            {
              ...(input.name !== undefined && { name: input.name }),
              ...(input.kind !== undefined && { kind: input.kind }),
              ...(input.isSpoc !== undefined && { is_spoc: input.isSpoc }),
              ...(input.disabled !== undefined && {
                disabled_at: input.disabled ? (current.disabled_at ?? now) : null,
              }),
            },
            now,
          );
          await appendAudit(trx, ctx, {
            action: 'agency.update',
            objectType: 'agency',
            objectId: id,
            details: { changed: Object.keys(input).sort().join(',') },
          });
          return presentAgency(updated);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw spocTaken();
        throw error;
      }
    },
  };
}

/**
 * Creates an agency and its audit entry in one transaction. The caller has
 * already decided that it may: the API through the policy, the CLI as operator.
 */
export async function createAgencyRecord(
  db: Db,
  context: AuditContext,
  input: CreateAgencyBody,
): Promise<Agency> {
  const now = new Date();
  const row = {
    id: uuidv7(),
    code: input.code,
    name: input.name,
    country: input.country,
    kind: input.kind,
    is_spoc: input.isSpoc ?? false,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await db.transaction().execute(async (trx) => {
      if (await findAgencyByCode(trx, input.code)) throw codeTaken();
      if (row.is_spoc && (await findSpoc(trx, row.country))) throw spocTaken();
      await insertAgency(trx, row);
      await appendAudit(trx, context, {
        action: 'agency.create',
        objectType: 'agency',
        objectId: row.id,
        details: { code: row.code, country: row.country, kind: row.kind, isSpoc: row.is_spoc },
      });
    });
  } catch (error) {
    // Two administrators creating the same code at once: the index decides.
    if (isUniqueViolation(error)) throw row.is_spoc ? spocTaken() : codeTaken();
    throw error;
  }
  return presentAgency(row);
}

const codeTaken = () => conflict('agency_code_taken', 'An agency with this code already exists.');
const spocTaken = () =>
  conflict('spoc_already_designated', 'This country already has a single point of contact.');
