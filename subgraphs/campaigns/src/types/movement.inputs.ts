import { Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import {
  MovementLaunchLevel,
  MovementMethod,
  MovementScope,
  RegistrationDecision,
  RegistrationStatus,
} from './movement.enums.js';

@InputType()
export class MovementFilter {
  @Field(() => String, { nullable: true, description: 'Tìm theo tên, chủ đề hoặc mã, không cần dấu.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã đơn vị phát động.' })
  launchedByCode?: string | null;

  @Field(() => MovementMethod, { nullable: true })
  method?: MovementMethod | null;

  @Field(() => MovementScope, { nullable: true })
  scope?: MovementScope | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Chỉ các phong trào đang diễn ra vào ngày này.' })
  activeOn?: string | null;
}

@InputType()
export class CreateMovementInput {
  @Field({ description: 'Mã phong trào: chữ in hoa không dấu, số, gạch dưới (ví dụ NOI_CHINH_TW_2021).' })
  code!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Chủ đề, khẩu hiệu.' })
  theme?: string | null;

  @Field({ description: 'Mã đơn vị phát động.' })
  organizationCode!: string;

  @Field(() => MovementLaunchLevel)
  launchLevel!: MovementLaunchLevel;

  @Field(() => MovementMethod)
  method!: MovementMethod;

  @Field(() => MovementScope)
  scope!: MovementScope;

  @Field(() => String, {
    nullable: true,
    description:
      'Mã khối, cụm thi đua: bắt buộc khi phạm vi là BLOC (chỉ thành viên của khối, cụm được đăng ký), bỏ trống với phạm vi khác.',
  })
  blocCode?: string | null;

  @Field(() => GraphQLLocalDate)
  startDate!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  endDate?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Ngày phát động, khi khác ngày bắt đầu.' })
  launchedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã phong trào cấp trên mà phong trào này hưởng ứng.' })
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Văn bản phát động (số, ngày, cơ quan ban hành).' })
  source?: string | null;
}

@InputType()
export class RegisterForMovementInput {
  @Field()
  movementCode!: string;

  @Field({ description: 'Mã đơn vị đăng ký (với cá nhân: đơn vị đăng ký cho người đó).' })
  organizationCode!: string;

  @Field(() => ID, { nullable: true, description: 'Cá nhân đăng ký (bỏ trống khi đơn vị đăng ký cho tập thể mình).' })
  personId?: string | null;

  @Field(() => RegistrationStatus, {
    nullable: true,
    defaultValue: RegistrationStatus.SUBMITTED,
    description: 'DRAFT (đang soạn) hoặc SUBMITTED (gửi ngay).',
  })
  status?: RegistrationStatus | null;

  @Field(() => String, { nullable: true, description: 'Chỉ tiêu, danh hiệu đăng ký.' })
  note?: string | null;
}

@InputType()
export class ReviewRegistrationInput {
  @Field(() => ID)
  registrationId!: string;

  @Field(() => RegistrationDecision)
  decision!: RegistrationDecision;

  @Field(() => String, {
    nullable: true,
    description: 'Lý do: bắt buộc khi trả lại (RETURNED), tùy chọn khi chấp thuận.',
  })
  reason?: string | null;
}
