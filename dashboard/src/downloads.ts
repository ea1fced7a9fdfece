/**
 * Download buttons for the gateway's files (`/files/...`): the statistical forms of Thông tư
 * 02/2023/TT-BNV and a bloc's ranking and scorecards as .xlsx. The file is fetched with the signed-in
 * person's bearer token (as /graphql is), then saved under the name the gateway gives it.
 */
import { currentSession, signOut } from './auth';
import { h } from './ui';

/** The name in `filename*=UTF-8''…` (RFC 5987), else `filename="…"`, else the fallback. */
function filenameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

async function messageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] };
    return body.errors?.[0]?.message ?? `Không tải được tệp (HTTP ${response.status}).`;
  } catch {
    return `Không tải được tệp (HTTP ${response.status}).`;
  }
}

/** Fetches the file and saves it; resolves with a message to show when it could not. */
export async function downloadFile(path: string, fallbackName: string): Promise<string | null> {
  const session = currentSession();
  let response: Response;
  try {
    response = await fetch(path, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  } catch {
    return 'Không kết nối được tới cổng dữ liệu. Kiểm tra mạng rồi thử lại.';
  }
  if (response.status === 401 && session) {
    signOut('Mã xác thực không còn được chấp nhận (hết hạn hoặc không hợp lệ); hãy đăng nhập lại.');
    return 'Cần đăng nhập lại để tải tệp này.';
  }
  if (!response.ok) return messageOf(response);
  const url = URL.createObjectURL(await response.blob());
  const anchor = h('a', { href: url, download: filenameOf(response.headers.get('content-disposition'), fallbackName) });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

function downloadButton(text: string, path: string, fallbackName: string, status: HTMLElement, testId: string) {
  const button = h('button', { type: 'button', class: 'button', 'data-testid': testId }, text);
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = 'Đang chuẩn bị tệp…';
    void downloadFile(path, fallbackName).then((problem) => {
      button.disabled = false;
      status.textContent = problem ?? '';
    });
  });
  return button;
}

const FORMS: [string, string][] = [
  ['0601', 'Biểu 0601: phong trào thi đua'],
  ['0602', 'Biểu 0602: khen thưởng cấp Nhà nước'],
  ['0603', 'Biểu 0603: khen thưởng cấp bộ, tỉnh'],
  ['0604', 'Biểu 0604: tổ chức làm công tác TĐKT'],
  ['0605', 'Biểu 0605: công chức làm công tác TĐKT'],
];

/** The forms 0601–0605 of a year (the whole country, or one unit and its subtree) as .xlsx. */
export function formDownloads(year: number, organizationCode?: string): HTMLElement {
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const scope = organizationCode ? `&organizationCode=${encodeURIComponent(organizationCode)}` : '';
  return h(
    'div',
    { 'data-testid': 'form-downloads' },
    h(
      'div',
      { class: 'section-tools download-buttons' },
      FORMS.map(([form, text]) =>
        downloadButton(
          text,
          `/files/forms/${form}.xlsx?year=${year}${scope}`,
          `bieu-${form}-${year}.xlsx`,
          status,
          `download-${form}`,
        ),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      `Biểu mẫu báo cáo thống kê năm ${year} theo Thông tư 02/2023/TT-BNV, tệp Excel theo mẫu (đầu biểu, mã số dòng, chữ ký). Biểu 0604 và 0605 chưa có số liệu trong hệ thống; tệp ghi rõ dòng nào chưa lập được và vì sao.`,
    ),
    status,
  );
}

/** A bloc's year: the ranking (anyone), and the scorecards for those who may see them. */
export function blocDownloads(blocCode: string, year: number, withScorecards: boolean): HTMLElement {
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const base = `/files/blocs/${encodeURIComponent(blocCode)}/${year}`;
  return h(
    'div',
    { 'data-testid': 'bloc-downloads' },
    h(
      'div',
      { class: 'section-tools download-buttons' },
      downloadButton(
        'Tải bảng xếp hạng (Excel)',
        `${base}/ranking.xlsx`,
        `xep-hang-${year}.xlsx`,
        status,
        'download-ranking',
      ),
      withScorecards
        ? downloadButton(
            'Tải phiếu chấm điểm (Excel)',
            `${base}/scorecards.xlsx`,
            `phieu-cham-diem-${year}.xlsx`,
            status,
            'download-scorecards',
          )
        : null,
    ),
    status,
  );
}
