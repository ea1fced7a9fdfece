/** Every resolver class of the campaigns subgraph (one line per module). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver list type
export const RESOLVERS: [Function, ...Function[]] = [] as unknown as [Function, ...Function[]];
