/** Every TypeORM entity of the campaigns subgraph (one line per module). */
import { Movement, MovementRegistration } from './movement.entity.js';
import { Conference, ConferenceDelegate } from './conference.entity.js';
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's entity list type
export const ENTITIES: Function[] = [
  Movement, MovementRegistration,
  Conference, ConferenceDelegate,
];
