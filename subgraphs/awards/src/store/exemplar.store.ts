/** Exemplars (exemplar) and the grants linked to them (exemplar_grant). */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import { Exemplar, type RecognizedByKind } from '../types/exemplar.types.js';

export const EXEMPLAR_TABLE: TableDescriptor = defineTable('awards', 'exemplar', [
  'id',
  'person_id',
  'organization_id',
  'recipient_unit_id',
  'field',
  'story',
  'model',
  'recognized_by_kind',
  'recognized_by_code',
  'period_from',
  'period_to',
  'created_at',
  'created_by',
]);
export const EXEMPLAR_GRANT_TABLE: TableDescriptor = defineTable('awards', 'exemplar_grant', [
  'exemplar_id',
  'grant_id',
]);

const EXEMPLAR_COLUMNS = `id, person_id AS "personId", organization_id AS "organizationId", field, story, model, recognized_by_kind AS "recognizedByKind",
  recognized_by_code AS "recognizedByCode", period_from AS "periodFrom", period_to AS "periodTo"`;

export interface ExemplarRow {
  id: string;
  personId: string | null;
  organizationId: string | null;
  field: string;
  story: string;
  model: string | null;
  recognizedByKind: RecognizedByKind;
  recognizedByCode: string;
  periodFrom: number;
  periodTo: number;
}

export const toExemplar = (row: ExemplarRow): Exemplar => Object.assign(new Exemplar(), row);

export interface NewExemplar {
  personId: string | null;
  organizationId: string | null;
  recipientUnitId: string;
  field: string;
  story: string;
  model: string | null;
  recognizedByKind: string;
  recognizedByCode: string;
  periodFrom: number;
  periodTo: number;
  createdBy: string | null;
}

export class ExemplarStore {
  constructor(private readonly db: Queryable) {}

  async insert(values: NewExemplar): Promise<Exemplar> {
    const [row] = (await this.db.query(
      `INSERT INTO exemplar (person_id, organization_id, recipient_unit_id, field, story, model, recognized_by_kind, recognized_by_code, period_from, period_to, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${EXEMPLAR_COLUMNS}`,
      [
        values.personId,
        values.organizationId,
        values.recipientUnitId,
        values.field,
        values.story,
        values.model,
        values.recognizedByKind,
        values.recognizedByCode,
        values.periodFrom,
        values.periodTo,
        values.createdBy,
      ],
    )) as ExemplarRow[];
    return toExemplar(row!);
  }

  async linkGrants(exemplarId: string, grantIds: readonly string[]): Promise<void> {
    await this.db.query(`INSERT INTO exemplar_grant (exemplar_id, grant_id) SELECT $1, unnest($2::uuid[])`, [
      exemplarId,
      grantIds,
    ]);
  }

  /** The exemplar profiles of these persons, by period. */
  async ofPersons(personIds: readonly string[]): Promise<Exemplar[]> {
    const rows: ExemplarRow[] = await this.db.query(
      `SELECT ${EXEMPLAR_COLUMNS} FROM exemplar WHERE person_id = ANY($1::uuid[]) ORDER BY period_from`,
      [personIds],
    );
    return rows.map(toExemplar);
  }
}
