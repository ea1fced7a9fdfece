import 'reflect-metadata';

export { createCampaignsApp, type CampaignsOptions } from './server.js';
export { buildCampaignsSchema } from './schema.js';
export { createCampaignsDatabase, SUBGRAPH_NAME, DATABASE_SCHEMA } from './data-source.js';
export { seedCampaigns } from './seed/seed.js';
export { CAMPAIGNS_TABLES } from './store/index.js';
export { durationClass } from './rules/movement.rule.js';
export {
  ageBand,
  checkComposition,
  isExemplarCategory,
  type DelegateFacts,
  type DelegateCategoryValue,
} from './rules/conference-composition.rule.js';
export { scoreTotal, rankByTotal, votePasses, checkPeriod } from './rules/pledge-scoring.rule.js';
export {
  canAct as pledgeCanAct,
  PLEDGE_TRANSITIONS,
  type PledgeAction,
  type PledgeVerdict,
} from './rules/pledge-workflow.rule.js';
export { definition } from './definition.js';
