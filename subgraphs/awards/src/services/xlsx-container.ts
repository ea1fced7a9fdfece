/**
 * Is an uploaded file a real .xlsx, and safe to open? An .xlsx is a zip (ECMA-376 Part 2, Open Packaging
 * Conventions) holding [Content_Types].xml and xl/workbook.xml. Before any spreadsheet library opens it,
 * the archive is walked with a zip reader: too many entries, or more bytes once inflated than any sheet
 * of the allowed size needs, is a zip bomb and is refused. Sizes are counted while inflating, not taken
 * from the headers (a bomb can lie there), and reading stops at the limit.
 */
import yauzl from 'yauzl';

export const XLSX_LIMITS = {
  /** Bytes of the file itself (a 50,000-row ledger is about 3 MB). */
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  /** Bytes once inflated, all entries together (a 50,000-row sheet is about 25 MB of XML). */
  maxUncompressedBytes: 250 * 1024 * 1024,
};

/** A file refused before it is read: a stable code and a message for the officer. */
export class FileRefused extends Error {
  constructor(
    readonly code: 'FILE_TOO_LARGE' | 'NOT_XLSX' | 'ZIP_BOMB' | 'BAD_SHEET',
    message: string,
    readonly status = code === 'FILE_TOO_LARGE' ? 413 : 400,
  ) {
    super(message);
  }
}

const NOT_XLSX =
  'Tệp không phải bảng tính Excel (.xlsx). Hãy lưu tệp dưới dạng "Excel Workbook (.xlsx)" rồi tải lên lại.';
const BOMB =
  'Tệp bị từ chối: khi giải nén, nội dung lớn bất thường so với một bảng tính (có thể là tệp độc hại). Không có gì được lưu.';

function open(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(new FileRefused('NOT_XLSX', NOT_XLSX)) : resolve(zip),
    ),
  );
}

/** Throws FileRefused unless `bytes` is an .xlsx package within the limits. */
export async function checkXlsxContainer(bytes: Buffer, limits = XLSX_LIMITS): Promise<void> {
  if (bytes.length > limits.maxFileBytes)
    throw new FileRefused(
      'FILE_TOO_LARGE',
      `Tệp quá lớn (${(bytes.length / 1048576).toFixed(1)} MB); tối đa ${limits.maxFileBytes / 1048576} MB. Hãy chia danh sách thành nhiều tệp.`,
    );
  // "PK\x03\x04": every zip starts with a local file header; an HTML page or a PDF renamed .xlsx does not.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new FileRefused('NOT_XLSX', NOT_XLSX);
  const zip = await open(bytes);
  const names = new Set<string>();
  let inflated = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(new FileRefused('NOT_XLSX', NOT_XLSX)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (names.size >= limits.maxEntries) return reject(new FileRefused('ZIP_BOMB', BOMB));
        names.add(entry.fileName);
        if (entry.uncompressedSize > limits.maxUncompressedBytes - inflated)
          return reject(new FileRefused('ZIP_BOMB', BOMB));
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(new FileRefused('NOT_XLSX', NOT_XLSX));
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.maxUncompressedBytes) {
              stream.destroy();
              reject(new FileRefused('ZIP_BOMB', BOMB));
            }
          });
          // yauzl stops an entry that inflates past the size its header declares: a lying header.
          stream.on('error', (error: Error) =>
            reject(
              /too many bytes/i.test(error.message)
                ? new FileRefused('ZIP_BOMB', BOMB)
                : new FileRefused('NOT_XLSX', NOT_XLSX),
            ),
          );
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new FileRefused('NOT_XLSX', NOT_XLSX);
}
