/** The ledger's mutations: historical imports (legacy decisions, issuers that no longer exist) and initiatives. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { importGrants } from '../services/grant-import.service.js';
import { recordInitiative } from '../services/initiative.service.js';
import { ImportGrantsInput, ImportGrantsResult, RecordInitiativeInput } from '../types/grant.inputs.js';
import { Initiative } from '../types/grant.types.js';

@Resolver()
export class LedgerMutationResolver {
  @Mutation(() => ImportGrantsResult, {
    description:
      'Nhập khen thưởng cũ (trước khi có hệ thống): mọi dòng được kiểm tra; có dòng lỗi thì không dòng nào được ghi.',
  })
  importGrants(
    @Ctx() context: AwardsContext,
    @Arg('input', () => ImportGrantsInput) input: ImportGrantsInput,
  ): Promise<ImportGrantsResult> {
    return importGrants(context, input);
  }

  @Mutation(() => Initiative, {
    description: 'Ghi nhận một sáng kiến, đề tài được công nhận (căn cứ cho danh hiệu Chiến sĩ thi đua).',
  })
  recordInitiative(
    @Ctx() context: AwardsContext,
    @Arg('input', () => RecordInitiativeInput) input: RecordInitiativeInput,
  ): Promise<Initiative> {
    return recordInitiative(context, input);
  }
}
