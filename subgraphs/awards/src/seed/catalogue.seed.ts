/**
 * The award catalogue (catalogue/award-types.ts, from the Law on Emulation and Commendation 2022) kept
 * in the database so grants reference it by a foreign key. Upserted on every start: the catalogue is
 * code, versioned with the legal texts, not officers' data.
 */
import type { DataSource } from 'typeorm';
import { AWARD_TYPES } from '../catalogue/award-types.js';
import { AwardTypeStore } from '../store/award-type.store.js';

export async function seedCatalogue(db: DataSource): Promise<void> {
  await db.transaction(async (manager) => {
    const store = new AwardTypeStore(manager);
    await store.lockSeed();
    await store.upsertCatalogue(AWARD_TYPES);
  });
}
