/** Committing an uploaded spreadsheet of past awards; the upload and its preview go through POST /files/import/grants. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { commitGrantFile } from '../services/grant-import-file.service.js';
import { GrantImportCommit } from '../types/grant-import-file.types.js';

@Resolver()
export class GrantImportFileResolver {
  @Mutation(() => GrantImportCommit, {
    description:
      'Nhập vào sổ khen thưởng một tệp Excel đã tải lên và xem trước: mọi dòng hoặc không dòng nào; nhập lại cùng tệp không thay đổi gì.',
  })
  commitGrantImport(
    @Ctx() context: AwardsContext,
    @Arg('fileSha256', { description: 'Mã SHA-256 của tệp, trong kết quả xem trước.' }) fileSha256: string,
  ): Promise<GrantImportCommit> {
    return commitGrantFile(context, fileSha256);
  }
}
