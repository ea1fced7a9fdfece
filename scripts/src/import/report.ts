/** How the import command prints a preview and a commit, in Vietnamese, one line per row that has something to say. */

export interface Preview {
  fileSha256: string;
  fileName: string;
  status: 'READY' | 'REFUSED' | 'COMMITTED';
  committedAt: string | null;
  summary: { rows: number; ok: number; errors: number; duplicates: number; flagged: number };
  rows: { row: number; verdict: string; messages: string[]; understood: string[] }[];
}

interface Note {
  row: number;
  message: string;
}

export interface Commit {
  alreadyCommitted: boolean;
  committedAt: string | null;
  result: { imported: number; skipped: number; errors: Note[]; skippedRows: Note[]; flagged: Note[] };
}

const LABEL: Record<string, string> = {
  OK: 'hợp lệ',
  ERROR: 'LỖI',
  DUPLICATE: 'trùng, bỏ qua',
  FLAGGED: 'cần đối chiếu',
};

export function printPreview(preview: Preview, out: NodeJS.WritableStream): void {
  const { summary } = preview;
  out.write(`Tệp ${preview.fileName} (SHA-256 ${preview.fileSha256})\n`);
  for (const row of preview.rows) {
    if (row.verdict === 'OK' && row.understood.length === 0) continue;
    out.write(`  Dòng ${row.row} — ${LABEL[row.verdict] ?? row.verdict}\n`);
    for (const text of row.understood) out.write(`      hiểu là: ${text}\n`);
    for (const text of row.messages) out.write(`      ${text}\n`);
  }
  out.write(
    `${summary.rows} dòng: ${summary.ok} hợp lệ, ${summary.errors} lỗi, ${summary.duplicates} trùng, ${summary.flagged} cần đối chiếu thẩm quyền.\n`,
  );
  if (preview.status === 'COMMITTED') out.write(`Tệp này đã được nhập lúc ${preview.committedAt}; không nhập lại.\n`);
  else if (preview.status === 'REFUSED') out.write('Có dòng lỗi: sửa tệp rồi chạy lại; chưa có gì được ghi.\n');
  else out.write('Chưa ghi gì. Chạy lại với --commit để nhập.\n');
}

export function printCommit(commit: Commit, out: NodeJS.WritableStream): void {
  if (commit.alreadyCommitted) {
    out.write(`Tệp đã được nhập từ trước (lúc ${commit.committedAt}); không thay đổi gì.\n`);
    return;
  }
  for (const error of commit.result.errors) out.write(`  ${error.message}\n`);
  if (commit.result.errors.length) {
    out.write('Không nhập: có dòng lỗi, không dòng nào được ghi.\n');
    return;
  }
  out.write(`Đã nhập ${commit.result.imported} khen thưởng, bỏ qua ${commit.result.skipped} dòng trùng.\n`);
}
