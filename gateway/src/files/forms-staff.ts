/**
 * Forms 0604.N/BNV-TĐKT (the bodies that do emulation and commendation work) and 0605.N/BNV-TĐKT (the
 * civil servants who do it) of Thông tư 02/2023/TT-BNV. The platform keeps units, persons, ratings and
 * awards, but nothing that says which unit is a TĐKT body or which person works in TĐKT, nor anyone's
 * education or years in that work: no row of these two forms can be counted from it. The forms are
 * still produced in their layout, every row empty, and each row says on the form why it is empty, so an
 * officer fills them by hand instead of reading a zero as a count.
 */
import type { TableRow } from './xlsx.js';

export interface StaticForm {
  form: string;
  title: string;
  headers: string[][];
  rows: TableRow[];
  notes: string[];
}

const NO_TDKT_BODY =
  'Chưa lập được: hệ thống chưa ghi đơn vị nào là tổ chức làm công tác thi đua, khen thưởng (danh mục đơn vị chỉ có loại hình và cấp hành chính).';
const NO_TDKT_STAFF = 'Chưa lập được: hệ thống chưa ghi cá nhân nào là công chức làm công tác thi đua, khen thưởng.';

function empty(code: string, label: string, unit: string, columns: number, note: string): TableRow {
  return { code, label, unit, total: null, values: Array.from({ length: columns }, () => null), note };
}

export const FORM_0604: StaticForm = {
  form: '0604.N/BNV-TĐKT',
  title: 'Số lượng tổ chức làm công tác thi đua, khen thưởng',
  headers: [['Bộ, ban, ngành, đoàn thể Trung ương', 'Tỉnh, thành phố trực thuộc Trung ương']],
  rows: [
    empty('01', 'Tổng số', 'Tổ chức', 2, NO_TDKT_BODY),
    empty('02', 'Vụ (Ban) Thi đua – Khen thưởng thuộc bộ, ban, ngành, đoàn thể Trung ương', 'Tổ chức', 2, NO_TDKT_BODY),
    empty(
      '03',
      'Phòng (bộ phận) thi đua, khen thưởng thuộc đơn vị trực thuộc bộ, ban, ngành',
      'Tổ chức',
      2,
      NO_TDKT_BODY,
    ),
    empty('04', 'Ban Thi đua – Khen thưởng thuộc Sở Nội vụ', 'Tổ chức', 2, NO_TDKT_BODY),
    empty('05', 'Phòng (bộ phận) thi đua, khen thưởng thuộc Ban Thi đua – Khen thưởng', 'Tổ chức', 2, NO_TDKT_BODY),
  ],
  notes: [
    'Biểu này chưa có số liệu: hệ thống quản lý danh mục đơn vị (loại hình, cấp, quan hệ trực thuộc) nhưng không ghi chức năng của đơn vị, nên không phân biệt được tổ chức làm công tác thi đua, khen thưởng với các đơn vị khác. Đơn vị báo cáo điền số liệu vào các ô trống.',
    'Để hệ thống tự lập biểu này cần bổ sung thuộc tính "tổ chức làm công tác thi đua, khen thưởng" cho đơn vị.',
  ],
};

export const FORM_0605: StaticForm = {
  form: '0605.N/BNV-TĐKT',
  title: 'Số lượng công chức làm công tác thi đua, khen thưởng',
  headers: [['Trong đó: nữ']],
  rows: [
    empty('01', 'Tổng số', 'Người', 1, NO_TDKT_STAFF),
    empty(
      '02',
      'Dưới 30 tuổi',
      'Người',
      1,
      'Chưa lập được: có năm sinh của cá nhân nhưng không biết ai là công chức làm công tác thi đua, khen thưởng.',
    ),
    empty('03', 'Từ 30 đến dưới 40 tuổi', 'Người', 1, 'Như dòng 02.'),
    empty('04', 'Từ 40 đến dưới 50 tuổi', 'Người', 1, 'Như dòng 02.'),
    empty('05', 'Từ 50 đến dưới 60 tuổi', 'Người', 1, 'Như dòng 02.'),
    empty('06', 'Từ 60 tuổi trở lên', 'Người', 1, 'Như dòng 02.'),
    empty('07', 'Tiến sĩ', 'Người', 1, 'Chưa lập được: hệ thống không ghi trình độ đào tạo của cá nhân.'),
    empty('08', 'Thạc sĩ', 'Người', 1, 'Như dòng 07.'),
    empty('09', 'Đại học', 'Người', 1, 'Như dòng 07.'),
    empty('10', 'Trình độ khác', 'Người', 1, 'Như dòng 07.'),
    empty(
      '11',
      'Dưới 5 năm làm công tác thi đua, khen thưởng',
      'Người',
      1,
      'Chưa lập được: hệ thống không ghi thời gian làm công tác thi đua, khen thưởng.',
    ),
    empty('12', 'Từ 5 đến dưới 10 năm', 'Người', 1, 'Như dòng 11.'),
    empty('13', 'Từ 10 năm trở lên', 'Người', 1, 'Như dòng 11.'),
  ],
  notes: [
    'Biểu này chưa có số liệu: hồ sơ cá nhân trong hệ thống chỉ có họ tên, giới tính, năm sinh, dân tộc, đơn vị và kết quả xếp loại; không ghi ai là công chức làm công tác thi đua, khen thưởng, trình độ đào tạo hay số năm làm công tác này. Đơn vị báo cáo điền số liệu vào các ô trống.',
    'Để hệ thống tự lập biểu này cần bổ sung cho cá nhân: vị trí việc làm thi đua, khen thưởng (từ ngày), trình độ đào tạo.',
  ],
};
