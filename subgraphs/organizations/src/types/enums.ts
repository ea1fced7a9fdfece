import { registerEnumType } from 'type-graphql';
import {
  OrganizationKind,
  OrganizationLevel,
  LineageKind,
  BlocKind,
  BlocMemberRole,
  Gender,
  AnnualRatingValue,
} from '../rules/values.js';

export { OrganizationKind, OrganizationLevel, LineageKind, BlocKind, BlocMemberRole, Gender, AnnualRatingValue };

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  valuesConfig: {
    MINISTRY: { description: 'Bộ' },
    MINISTERIAL_AGENCY: { description: 'Cơ quan ngang bộ' },
    GOVERNMENT_AGENCY: { description: 'Cơ quan thuộc Chính phủ' },
    COURT: { description: 'Tòa án nhân dân' },
    PROCURACY: { description: 'Viện kiểm sát nhân dân' },
    STATE_AUDIT: { description: 'Kiểm toán Nhà nước' },
    PARTY_OR_MASS_ORGANIZATION: { description: 'Cơ quan Đảng, Mặt trận, đoàn thể' },
    PROVINCE: { description: 'Tỉnh' },
    CENTRAL_CITY: { description: 'Thành phố trực thuộc Trung ương' },
    COMMUNE: { description: 'Xã' },
    WARD: { description: 'Phường' },
    SPECIAL_ZONE: { description: 'Đặc khu' },
    DEPARTMENT: { description: 'Vụ, cục, sở, ban, phòng' },
    PUBLIC_SERVICE_UNIT: { description: 'Đơn vị sự nghiệp công lập' },
    ENTERPRISE: { description: 'Doanh nghiệp' },
    DISTRICT: { description: 'Quận, huyện, thị xã, thành phố thuộc tỉnh (cấp huyện, đến 30/6/2025)' },
    STATE_LEADERSHIP: { description: 'Chủ tịch nước, Quốc hội' },
    OTHER: { description: 'Khác (trong đó Chính phủ)' },
  },
});

/** Administrative tier. DISTRICT exists only for history: district level was abolished on 2025-07-01. */
registerEnumType(OrganizationLevel, {
  name: 'OrganizationLevel',
  valuesConfig: {
    CENTRAL: { description: 'Trung ương' },
    PROVINCIAL: { description: 'Cấp tỉnh' },
    DISTRICT: { description: 'Cấp huyện (đến 30/6/2025)' },
    COMMUNE: { description: 'Cấp xã' },
    BASE: { description: 'Cơ sở' },
  },
});

registerEnumType(LineageKind, {
  name: 'LineageKind',
  description: 'Sáp nhập, chia tách, đổi tên, giải thể, chuyển cơ quan chủ quản',
});

registerEnumType(BlocKind, {
  name: 'BlocKind',
  valuesConfig: { BLOC: { description: 'Khối thi đua' }, CLUSTER: { description: 'Cụm thi đua' } },
});

registerEnumType(BlocMemberRole, {
  name: 'BlocMemberRole',
  valuesConfig: {
    LEAD: { description: 'Khối trưởng / Cụm trưởng' },
    DEPUTY: { description: 'Khối phó / Cụm phó' },
    MEMBER: { description: 'Thành viên' },
  },
});

registerEnumType(Gender, { name: 'Gender' });

registerEnumType(AnnualRatingValue, {
  name: 'AnnualRatingValue',
  valuesConfig: {
    EXCELLENT: { description: 'Hoàn thành xuất sắc nhiệm vụ (HTXSNV)' },
    GOOD: { description: 'Hoàn thành tốt nhiệm vụ (HTTNV)' },
    COMPLETED: { description: 'Hoàn thành nhiệm vụ (HTNV)' },
    NOT_COMPLETED: { description: 'Không hoàn thành nhiệm vụ' },
  },
});
