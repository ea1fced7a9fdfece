/** The award catalogue in the database (award_type): read by code or category, upserted from catalogue/award-types.ts. */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import { AWARD_TYPES, type AwardTypeDefinition } from '../catalogue/award-types.js';
import { AwardType, type AwardCategory, type SubjectKind } from '../types/award-type.types.js';

export const AWARD_TYPE_TABLE: TableDescriptor = defineTable('awards', 'award_type', [
  'code',
  'name',
  'category',
  'award_class',
  'subject_kinds',
  'deciding_authority',
  'rank',
  'reward_multiplier_person',
  'reward_multiplier_collective',
  'legal_basis',
  'valid_from',
  'valid_to',
  'position',
]);

/** The SELECT list of an AwardType (statistics join it to their counts). */
export const AWARD_TYPE_COLUMNS = `code, name, category, award_class AS "awardClass", subject_kinds AS "subjectKinds", deciding_authority AS "decidingAuthority",
  rank, reward_multiplier_person::float8 AS "rewardMultiplierPerson", reward_multiplier_collective::float8 AS "rewardMultiplierCollective",
  legal_basis AS "legalBasis", valid_from::text AS "validFrom", valid_to::text AS "validTo"`;

/** A row as AWARD_TYPE_COLUMNS selects it. */
export interface AwardTypeRow {
  code: string;
  name: string;
  category: AwardCategory;
  awardClass: string | null;
  subjectKinds: SubjectKind[];
  decidingAuthority: string;
  rank: number;
  rewardMultiplierPerson: number | null;
  rewardMultiplierCollective: number | null;
  legalBasis: string;
  validFrom: string | null;
  validTo: string | null;
}

export const toAwardType = (row: AwardTypeRow): AwardType => Object.assign(new AwardType(), row);

/** A type of the catalogue in code, as `upsertCatalogue` writes it and AWARD_TYPE_COLUMNS reads it back. */
function fromDefinition(type: AwardTypeDefinition): AwardType {
  return toAwardType({
    code: type.code,
    name: type.name.normalize('NFC'),
    category: type.category as AwardCategory,
    awardClass: type.awardClass,
    subjectKinds: [...type.subjectKinds] as SubjectKind[],
    decidingAuthority: type.decidingAuthority,
    rank: type.rank,
    rewardMultiplierPerson: type.rewardMultiplier.person,
    rewardMultiplierCollective: type.rewardMultiplier.collective,
    legalBasis: type.legalBasis,
    validFrom: type.validFrom,
    validTo: type.validTo,
  });
}

const CATALOGUE = new Map(AWARD_TYPES.map((type) => [type.code, type]));

export class AwardTypeStore {
  constructor(private readonly db: Queryable) {}

  /** The catalogue in its order (one category, or all). */
  async list(category: string | null): Promise<AwardType[]> {
    const rows: AwardTypeRow[] = await this.db.query(
      `SELECT ${AWARD_TYPE_COLUMNS} FROM award_type WHERE ($1::text IS NULL OR category = $1) ORDER BY position`,
      [category],
    );
    return rows.map(toAwardType);
  }

  /**
   * The types of the catalogue in code among `codes`, with no statement. The table is that catalogue:
   * every start upserts it (seed/catalogue.seed.ts) and nothing else writes it, because the catalogue
   * is the law's, versioned with the code, not officers' data. So a grant's or a nomination's award
   * type is answered from memory; a code not in it is for `byCodes`.
   */
  inCatalogue(codes: readonly string[]): AwardType[] {
    return codes.flatMap((code) => {
      const type = CATALOGUE.get(code);
      return type ? [fromDefinition(type)] : [];
    });
  }

  async byCodes(codes: readonly string[]): Promise<AwardType[]> {
    const rows: AwardTypeRow[] = await this.db.query(
      `SELECT ${AWARD_TYPE_COLUMNS} FROM award_type WHERE code = ANY($1::text[])`,
      [codes],
    );
    return rows.map(toAwardType);
  }

  /** Serializes concurrent seeds of the catalogue (several processes may start at once). */
  async lockSeed(): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('tdkt:seed:awards'))`);
  }

  /** Inserts or updates every type of the catalogue, in the catalogue's order (position). */
  async upsertCatalogue(types: readonly AwardTypeDefinition[]): Promise<void> {
    await this.db.query(
      `INSERT INTO award_type (code, name, category, award_class, subject_kinds, deciding_authority, rank, reward_multiplier_person,
                               reward_multiplier_collective, legal_basis, valid_from, valid_to, position)
       SELECT t.code, t.name, t.category, t.award_class, string_to_array(t.subject_kinds, ','), t.deciding_authority, t.rank, t.person, t.collective,
              t.legal_basis, t.valid_from, t.valid_to, t.position
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::numeric[], $9::numeric[], $10::text[], $11::date[], $12::date[], $13::int[])
           AS t(code, name, category, award_class, subject_kinds, deciding_authority, rank, person, collective, legal_basis, valid_from, valid_to, position)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category, award_class = EXCLUDED.award_class,
         subject_kinds = EXCLUDED.subject_kinds, deciding_authority = EXCLUDED.deciding_authority, rank = EXCLUDED.rank,
         reward_multiplier_person = EXCLUDED.reward_multiplier_person, reward_multiplier_collective = EXCLUDED.reward_multiplier_collective,
         legal_basis = EXCLUDED.legal_basis, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, position = EXCLUDED.position`,
      [
        types.map((t) => t.code),
        types.map((t) => t.name.normalize('NFC')),
        types.map((t) => t.category),
        types.map((t) => t.awardClass),
        types.map((t) => t.subjectKinds.join(',')),
        types.map((t) => t.decidingAuthority),
        types.map((t) => t.rank),
        types.map((t) => t.rewardMultiplier.person),
        types.map((t) => t.rewardMultiplier.collective),
        types.map((t) => t.legalBasis),
        types.map((t) => t.validFrom),
        types.map((t) => t.validTo),
        types.map((_, index) => index + 1),
      ],
    );
  }
}
