/**
 * Per-request loaders for movements and registrations: one statement per batch, results in key order,
 * null (or an empty list) for a miss.
 */
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Movement, MovementRegistration } from '../entities/movement.entity.js';
import { byKey, groupByKey, isUuid } from '@tdkt/subgraph-kit';

export { isUuid };


export function createMovementLoaders(db: DataSource) {
  const movements = db.getRepository(Movement);

  const movementById: DataLoader<string, Movement | null> = new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await movements.findBy({ id: In(valid) }) : [];
    for (const row of rows) movementByCode.prime(row.code, row);
    return byKey(ids, rows, (row) => row.id);
  });

  const movementByCode: DataLoader<string, Movement | null> = new DataLoader(async (codes) => {
    const rows = await movements.findBy({ code: In([...codes]) });
    for (const row of rows) movementById.prime(row.id, row);
    return byKey(codes, rows, (row) => row.code);
  });

  /** Movements launched by each organization, oldest first. */
  const movementsByLauncherId = new DataLoader<string, Movement[]>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await movements.find({ where: { launchedById: In(valid) }, order: { startDate: 'ASC', code: 'ASC' } }) : [];
    for (const row of rows) movementById.prime(row.id, row);
    return groupByKey(ids, rows, (row) => row.launchedById);
  });

  /** Responses to each movement (phong trào hưởng ứng), oldest first. */
  const movementResponsesByParentId = new DataLoader<string, Movement[]>(async (ids) => {
    const rows = await movements.find({ where: { parentId: In(ids.filter(isUuid)) }, order: { startDate: 'ASC', code: 'ASC' } });
    for (const row of rows) movementById.prime(row.id, row);
    return groupByKey(ids, rows, (row) => row.parentId!);
  });

  const movementRegistrationsByMovementId = new DataLoader<string, MovementRegistration[]>(async (ids) => {
    const rows = await db.getRepository(MovementRegistration).find({ where: { movementId: In(ids.filter(isUuid)) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return groupByKey(ids, rows, (row) => row.movementId);
  });

  const registrationById = new DataLoader<string, MovementRegistration | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await db.getRepository(MovementRegistration).findBy({ id: In(valid) }) : [];
    return byKey(ids, rows, (row) => row.id);
  });

  return { movementById, movementByCode, movementsByLauncherId, movementResponsesByParentId, movementRegistrationsByMovementId, registrationById };
}
