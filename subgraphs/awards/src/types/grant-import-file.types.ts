/** The answer to committing an uploaded spreadsheet of past awards. */
import { Field, ObjectType } from 'type-graphql';
import { ImportGrantsResult } from './grant.inputs.js';

@ObjectType({
  description:
    'Kết quả nhập một tệp Excel đã xem trước: nhập tất cả các dòng hoặc không dòng nào; nhập lại cùng tệp không thay đổi gì.',
})
export class GrantImportCommit {
  @Field({ description: 'Mã SHA-256 của tệp (nhận được khi tải lên và xem trước).' }) fileSha256!: string;
  @Field({ description: 'Tệp đã được nhập từ trước: lần này không ghi gì, trả lại kết quả lần nhập đó.' })
  alreadyCommitted!: boolean;
  @Field(() => String, { nullable: true, description: 'Thời điểm tệp được nhập (null: chưa nhập vì có dòng lỗi).' })
  committedAt!: string | null;
  @Field(() => ImportGrantsResult) result!: ImportGrantsResult;
}
