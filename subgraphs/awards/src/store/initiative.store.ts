/** Initiatives (sáng kiến, đề tài) with their authors, and the grants each one backed. */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import type { InitiativeScope } from '../types/award-type.types.js';
import { Initiative } from '../types/grant.types.js';

export const INITIATIVE_TABLE: TableDescriptor = defineTable('awards', 'initiative', [
  'id',
  'title',
  'scope',
  'recognized_on',
  'recognized_by_organization_id',
  'created_at',
]);
export const INITIATIVE_AUTHOR_TABLE: TableDescriptor = defineTable('awards', 'initiative_author', [
  'initiative_id',
  'person_id',
]);
export const GRANT_INITIATIVE_TABLE: TableDescriptor = defineTable('awards', 'grant_initiative', [
  'grant_id',
  'initiative_id',
]);

export interface InitiativeRow {
  id: string;
  title: string;
  scope: InitiativeScope;
  recognizedOn: string;
  recognizedByOrganizationId: string;
}

/** An initiative as one of its authors' facts: the grants it already backed. */
export type AuthoredInitiative = Initiative & { usedByGrantIds: string[] };

export const toInitiative = (row: InitiativeRow): Initiative => Object.assign(new Initiative(), row);

export class InitiativeStore {
  constructor(private readonly db: Queryable) {}

  /** The initiatives of these authors, by recognition date, each with the author's id. */
  async byAuthorIds(personIds: readonly string[]): Promise<(AuthoredInitiative & { personId: string })[]> {
    const rows: (InitiativeRow & { personId: string; usedByGrantIds: string[] })[] = await this.db.query(
      `SELECT a.person_id AS "personId", i.id, i.title, i.scope, i.recognized_on::text AS "recognizedOn", i.recognized_by_organization_id AS "recognizedByOrganizationId",
              coalesce(array_agg(gi.grant_id) FILTER (WHERE gi.grant_id IS NOT NULL), '{}') AS "usedByGrantIds"
         FROM initiative_author a JOIN initiative i ON i.id = a.initiative_id LEFT JOIN grant_initiative gi ON gi.initiative_id = i.id
        WHERE a.person_id = ANY($1::uuid[])
        GROUP BY a.person_id, i.id ORDER BY i.recognized_on`,
      [personIds],
    );
    return rows.map((row) => Object.assign(new Initiative(), row));
  }

  async insert(values: {
    title: string;
    scope: string;
    recognizedOn: string;
    recognizedById: string;
  }): Promise<Initiative> {
    const [row] = (await this.db.query(
      `INSERT INTO initiative (title, scope, recognized_on, recognized_by_organization_id) VALUES ($1, $2, $3, $4)
       RETURNING id, title, scope, recognized_on::text AS "recognizedOn", recognized_by_organization_id AS "recognizedByOrganizationId"`,
      [values.title, values.scope, values.recognizedOn, values.recognizedById],
    )) as InitiativeRow[];
    return toInitiative(row!);
  }

  async addAuthors(initiativeId: string, personIds: readonly string[]): Promise<void> {
    await this.db.query(`INSERT INTO initiative_author (initiative_id, person_id) SELECT $1, unnest($2::uuid[])`, [
      initiativeId,
      personIds,
    ]);
  }
}
