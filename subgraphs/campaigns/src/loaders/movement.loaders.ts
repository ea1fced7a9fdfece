/**
 * Per-request loaders for movements and registrations: one statement per batch, results in key order,
 * null (or an empty list) for a miss.
 */
import DataLoader from 'dataloader';
import { byKey, groupByKey, isUuid } from '@tdkt/subgraph-kit';
import type { Stores } from '../store/index.js';
import type { Movement } from '../types/movement.types.js';
import type { MovementRegistration } from '../types/movement-registration.types.js';

export function createMovementLoaders(stores: Stores) {
  const { movements } = stores;

  const movementById: DataLoader<string, Movement | null> = new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await movements.byIds(valid) : [];
    for (const row of rows) movementByCode.prime(row.code, row);
    return byKey(ids, rows, (row) => row.id);
  });

  const movementByCode: DataLoader<string, Movement | null> = new DataLoader(async (codes) => {
    const rows = await movements.byCodes([...codes]);
    for (const row of rows) movementById.prime(row.id, row);
    return byKey(codes, rows, (row) => row.code);
  });

  /** Movements launched by each organization, oldest first. */
  const movementsByLauncherId = new DataLoader<string, Movement[]>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await movements.launchedBy(valid) : [];
    for (const row of rows) movementById.prime(row.id, row);
    return groupByKey(ids, rows, (row) => row.launchedById);
  });

  /** Responses to each movement (phong trào hưởng ứng), oldest first. */
  const movementResponsesByParentId = new DataLoader<string, Movement[]>(async (ids) => {
    const rows = await movements.responsesTo(ids.filter(isUuid));
    for (const row of rows) movementById.prime(row.id, row);
    return groupByKey(ids, rows, (row) => row.parentId!);
  });

  const movementRegistrationsByMovementId = new DataLoader<string, MovementRegistration[]>(async (ids) => {
    const rows = await movements.registrationsFor(ids.filter(isUuid));
    return groupByKey(ids, rows, (row) => row.movementId);
  });

  const registrationById = new DataLoader<string, MovementRegistration | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await movements.registrationsByIds(valid) : [];
    return byKey(ids, rows, (row) => row.id);
  });

  return {
    movementById,
    movementByCode,
    movementsByLauncherId,
    movementResponsesByParentId,
    movementRegistrationsByMovementId,
    registrationById,
  };
}
