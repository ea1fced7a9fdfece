/**
 * Campaigns seed: real rows where the sources give them, demo rows (SEED_DEMO) otherwise, all
 * idempotent. Rows point at reference organizations and blocs by their stable seeded ids.
 */
import type { DataSource } from 'typeorm';
import { seedMovements } from './movements.seed.js';
import { seedConferences } from './conferences.seed.js';
import { seedPledges } from './pledges.seed.js';

export async function seedCampaigns(db: DataSource, options: { demo: boolean }): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tdkt:seed:campaigns'))`);
    await seedMovements(manager, options);
    await seedConferences(manager, options);
    await seedPledges(manager, options);
    void options;
  });
}
