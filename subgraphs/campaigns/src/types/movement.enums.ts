/**
 * Enums of movements (phong trào thi đua) and registrations. Values are the plain strings stored in the
 * database (CHECK constraints in 1763800000000-movements-conferences.ts) and used by the pure rules in
 * rules/ (which repeat them as string unions, to stay framework-free).
 */
import { registerEnumType } from 'type-graphql';

/** Who launched the movement; the launching-level breakdown of form 0601.N/BNV-TĐKT (TT 02/2023/TT-BNV). */
export enum MovementLaunchLevel {
  CENTRAL_COUNCIL = 'CENTRAL_COUNCIL',
  PRIME_MINISTER = 'PRIME_MINISTER',
  MINISTRY_OR_PROVINCE = 'MINISTRY_OR_PROVINCE',
  COMMUNE = 'COMMUNE',
  UNIT = 'UNIT',
  BLOC = 'BLOC',
}
registerEnumType(MovementLaunchLevel, {
  name: 'MovementLaunchLevel',
  description: 'Cấp phát động phong trào (biểu 0601.N/BNV-TĐKT).',
  valuesConfig: {
    CENTRAL_COUNCIL: { description: 'Hội đồng Thi đua – Khen thưởng Trung ương' },
    PRIME_MINISTER: { description: 'Thủ tướng Chính phủ' },
    MINISTRY_OR_PROVINCE: { description: 'Bộ, ban, ngành, tỉnh, thành phố trực thuộc Trung ương' },
    COMMUNE: { description: 'Xã, phường, đặc khu' },
    UNIT: { description: 'Cơ quan, đơn vị' },
    BLOC: { description: 'Khối, cụm thi đua' },
  },
});

export enum MovementMethod {
  REGULAR_ANNUAL = 'REGULAR_ANNUAL',
  THEMATIC = 'THEMATIC',
  PEAK_DRIVE = 'PEAK_DRIVE',
}
registerEnumType(MovementMethod, {
  name: 'MovementMethod',
  description: 'Hình thức tổ chức phong trào.',
  valuesConfig: {
    REGULAR_ANNUAL: { description: 'Thi đua thường xuyên (hằng năm)' },
    THEMATIC: { description: 'Thi đua theo chuyên đề' },
    PEAK_DRIVE: { description: 'Thi đua theo đợt, cao điểm' },
  },
});

export enum MovementScope {
  NATIONAL = 'NATIONAL',
  MINISTRY_OR_PROVINCE = 'MINISTRY_OR_PROVINCE',
  BLOC = 'BLOC',
  UNIT = 'UNIT',
}
registerEnumType(MovementScope, {
  name: 'MovementScope',
  description: 'Phạm vi phong trào (biểu 0601.N/BNV-TĐKT).',
  valuesConfig: {
    NATIONAL: { description: 'Toàn quốc' },
    MINISTRY_OR_PROVINCE: { description: 'Bộ, ngành, tỉnh' },
    BLOC: { description: 'Khối, cụm thi đua' },
    UNIT: { description: 'Cơ quan, đơn vị' },
  },
});

/** Derived from the dates by rules/movement.rule.ts (boundaries documented there). */
export enum MovementDurationClass {
  LESS_THAN_1Y = 'LESS_THAN_1Y',
  ONE_YEAR = 'ONE_YEAR',
  ONE_TO_3Y = 'ONE_TO_3Y',
  THREE_TO_5Y = 'THREE_TO_5Y',
  FIVE_YEARS_OR_MORE = 'FIVE_YEARS_OR_MORE',
}
registerEnumType(MovementDurationClass, {
  name: 'MovementDurationClass',
  description: 'Thời gian phát động (biểu 0601.N/BNV-TĐKT).',
  valuesConfig: {
    LESS_THAN_1Y: { description: 'Dưới 1 năm' },
    ONE_YEAR: { description: 'Đúng 1 năm' },
    ONE_TO_3Y: { description: 'Trên 1 năm đến 3 năm' },
    THREE_TO_5Y: { description: 'Trên 3 năm đến dưới 5 năm' },
    FIVE_YEARS_OR_MORE: { description: 'Từ 5 năm trở lên' },
  },
});

export enum RegistrationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Trạng thái bản đăng ký thi đua.',
  valuesConfig: {
    DRAFT: { description: 'Đang soạn' },
    SUBMITTED: { description: 'Đã gửi cấp phát động' },
    APPROVED: { description: 'Đã được chấp thuận' },
    RETURNED: { description: 'Bị trả lại để bổ sung' },
  },
});

/** What the launching level decides on a submitted registration (the two ends of RegistrationStatus). */
export enum RegistrationDecision {
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(RegistrationDecision, {
  name: 'RegistrationDecision',
  description: 'Quyết định của cấp phát động đối với bản đăng ký đã gửi.',
  valuesConfig: {
    APPROVED: { description: 'Chấp thuận' },
    RETURNED: { description: 'Trả lại để bổ sung (phải ghi lý do)' },
  },
});
