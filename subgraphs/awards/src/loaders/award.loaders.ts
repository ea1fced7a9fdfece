/** Per-request loaders of the awards subgraph: one statement per field over all parents. */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { AwardType, Decision, Grant, Initiative } from '../types/award.types.js';
import { groupByKey, isUuid } from '@tdkt/subgraph-kit';
import { createLedgerDetailLoaders } from './ledger-detail.loaders.js';

export { isUuid };


export const AWARD_TYPE_COLUMNS = `code, name, category, award_class AS "awardClass", subject_kinds AS "subjectKinds", deciding_authority AS "decidingAuthority",
  rank, reward_multiplier_person::float8 AS "rewardMultiplierPerson", reward_multiplier_collective::float8 AS "rewardMultiplierCollective",
  legal_basis AS "legalBasis", valid_from::text AS "validFrom", valid_to::text AS "validTo"`;

export const GRANT_COLUMNS = `g.id, g.award_type_code AS "awardTypeCode", g.person_id AS "personId", g.organization_id AS "organizationId",
  g.recipient_unit_id AS "recipientUnitId", g.year, g.basis, g.decision_id AS "decisionId", g.imported,
  g.revoked_on::text AS "revokedOn", g.revoke_reason AS "revokeReason"`;

export const toGrant = (row: Grant): Grant => Object.assign(new Grant(), row);

export function createAwardLoaders(db: DataSource) {
  const awardTypeByCode = new DataLoader<string, AwardType | null>(async (codes) => {
    const rows: AwardType[] = await db.query(`SELECT ${AWARD_TYPE_COLUMNS} FROM award_type WHERE code = ANY($1::text[])`, [codes]);
    const byCode = new Map(rows.map((row) => [row.code, Object.assign(new AwardType(), row)]));
    return codes.map((code) => byCode.get(code) ?? null);
  });

  const decisionById = new DataLoader<string, Decision | null>(async (ids) => {
    const rows: Decision[] = await db.query(
      `SELECT id, number, issued_on::text AS "issuedOn", issuer_organization_id AS "issuerOrganizationId", authority, is_legacy AS "isLegacy"
         FROM decision WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, Object.assign(new Decision(), row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  /** Every grant of a person (revoked ones included: the record shows them as revoked). */
  const grantsByPersonId = new DataLoader<string, Grant[]>(async (ids) => {
    const valid = ids.filter(isUuid).map((id) => id.toLowerCase());
    const rows: Grant[] = await db.query(`SELECT ${GRANT_COLUMNS} FROM award_grant g WHERE g.person_id = ANY($1::uuid[]) ORDER BY g.year, g.created_at`, [valid]);
    return groupByKey(ids.map((id) => id.toLowerCase()), rows.map(toGrant), (row) => row.personId!);
  });

  /** Collective grants of an organization in a year (null year: every year). Key: `${id}|${year ?? ''}`. */
  const grantsByOrganizationYear = new DataLoader<string, Grant[]>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]).filter(([id]) => isUuid(id));
    const rows: Grant[] = await db.query(
      `SELECT ${GRANT_COLUMNS} FROM award_grant g
         JOIN unnest($1::uuid[], $2::int[]) AS k(organization_id, year) ON g.organization_id = k.organization_id AND (k.year IS NULL OR g.year = k.year)
        ORDER BY g.year, g.created_at`,
      [pairs.map(([id]) => id.toLowerCase()), pairs.map(([, year]) => (year === '' ? null : Number(year)))],
    );
    const result = new Map<string, Grant[]>();
    for (const [id, year] of pairs) {
      result.set(`${id.toLowerCase()}|${year}`, rows.filter((row) => row.organizationId === id.toLowerCase() && (year === '' || row.year === Number(year))).map(toGrant));
    }
    return keys.map((key) => result.get(key.toLowerCase()) ?? []);
  });

  const initiativesByPersonId = new DataLoader<string, (Initiative & { usedByGrantIds: string[] })[]>(async (ids) => {
    const rows: (Initiative & { personId: string; usedByGrantIds: string[] })[] = await db.query(
      `SELECT a.person_id AS "personId", i.id, i.title, i.scope, i.recognized_on::text AS "recognizedOn", i.recognized_by_organization_id AS "recognizedByOrganizationId",
              coalesce(array_agg(gi.grant_id) FILTER (WHERE gi.grant_id IS NOT NULL), '{}') AS "usedByGrantIds"
         FROM initiative_author a JOIN initiative i ON i.id = a.initiative_id LEFT JOIN grant_initiative gi ON gi.initiative_id = i.id
        WHERE a.person_id = ANY($1::uuid[])
        GROUP BY a.person_id, i.id ORDER BY i.recognized_on`,
      [ids.filter(isUuid).map((id) => id.toLowerCase())],
    );
    return groupByKey(ids.map((id) => id.toLowerCase()), rows.map((row) => Object.assign(new Initiative(), row)), (row) => (row as unknown as { personId: string }).personId);
  });

  const exemplarsByPersonId = new DataLoader<string, Record<string, unknown>[]>(async (ids) => {
    const rows: (Record<string, unknown> & { personId: string })[] = await db.query(
      `SELECT id, person_id AS "personId", organization_id AS "organizationId", field, story, model, recognized_by_kind AS "recognizedByKind",
              recognized_by_code AS "recognizedByCode", period_from AS "periodFrom", period_to AS "periodTo"
         FROM exemplar WHERE person_id = ANY($1::uuid[]) ORDER BY period_from`,
      [ids.filter(isUuid).map((id) => id.toLowerCase())],
    );
    return groupByKey(ids.map((id) => id.toLowerCase()), rows, (row) => row.personId);
  });

  return {
    ...createLedgerDetailLoaders(db),
    exemplarsByPersonId: { load: (id: string) => exemplarsByPersonId.load(id.toLowerCase()) },
    awardTypeByCode,
    decisionById,
    grantsByPersonId: { load: (id: string) => grantsByPersonId.load(id.toLowerCase()), clear: (id: string) => grantsByPersonId.clear(id.toLowerCase()) },
    grantsByOrganizationYear: { load: (id: string, year: number | null) => grantsByOrganizationYear.load(`${id.toLowerCase()}|${year ?? ''}`) },
    initiativesByPersonId: { load: (id: string) => initiativesByPersonId.load(id.toLowerCase()) },
  };
}

export type AwardLoaders = ReturnType<typeof createAwardLoaders>;
