/** The inbox's filter. */
import { Field, InputType, Int } from 'type-graphql';
import { NominationStatus } from './nomination.types.js';

@InputType({ description: 'Lọc hộp hồ sơ chờ xử lý; mọi trường đều không bắt buộc.' })
export class NominationInboxFilter {
  @Field(() => NominationStatus, { nullable: true }) status?: NominationStatus | null;
  @Field(() => Int, { nullable: true, description: 'Năm thành tích.' }) year?: number | null;
  @Field(() => String, { nullable: true }) awardTypeCode?: string | null;
}
