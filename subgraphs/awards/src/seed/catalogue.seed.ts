/**
 * The award catalogue (catalogue/award-types.ts, from the Law on Emulation and Commendation 2022) kept
 * in the database so grants reference it by a foreign key. Upserted on every start: the catalogue is
 * code, versioned with the legal texts, not officers' data.
 */
import type { DataSource } from 'typeorm';
import { AWARD_TYPES } from '../catalogue/award-types.js';

export async function seedCatalogue(db: DataSource): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tdkt:seed:awards'))`);
    await manager.query(
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
        AWARD_TYPES.map((t) => t.code),
        AWARD_TYPES.map((t) => t.name.normalize('NFC')),
        AWARD_TYPES.map((t) => t.category),
        AWARD_TYPES.map((t) => t.awardClass),
        AWARD_TYPES.map((t) => t.subjectKinds.join(',')),
        AWARD_TYPES.map((t) => t.decidingAuthority),
        AWARD_TYPES.map((t) => t.rank),
        AWARD_TYPES.map((t) => t.rewardMultiplier.person),
        AWARD_TYPES.map((t) => t.rewardMultiplier.collective),
        AWARD_TYPES.map((t) => t.legalBasis),
        AWARD_TYPES.map((t) => t.validFrom),
        AWARD_TYPES.map((t) => t.validTo),
        AWARD_TYPES.map((_, index) => index + 1),
      ],
    );
  });
}
