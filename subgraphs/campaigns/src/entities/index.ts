/** Every TypeORM entity of the campaigns subgraph (one line per module). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's entity list type
export const ENTITIES: Function[] = [];
