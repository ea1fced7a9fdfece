/**
 * The awards subgraph's file routes, called only by the gateway (internal token, like /graphql): the
 * template of the grant import, and the upload that answers with its preview. The gateway checks the
 * caller, CSRF and the size first; the file is checked again here (xlsx-container.ts), since the
 * command-line import reaches the same code.
 */
import express, { type Express, type RequestHandler, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { log } from '@tdkt/subgraph-kit';
import type { AwardsContext } from '../context.js';
import { previewGrantFile } from '../services/grant-import-file.service.js';
import { grantTemplate } from '../services/grant-workbook.js';
import { FileRefused, XLSX_LIMITS } from '../services/xlsx-container.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

function fail(res: Response, error: unknown): void {
  if (error instanceof FileRefused) {
    res.status(error.status).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
    return;
  }
  const code = error instanceof GraphQLError ? String(error.extensions['code'] ?? '') : '';
  if (STATUS[code]) {
    res.status(STATUS[code]).json({ errors: [{ message: (error as Error).message, extensions: { code } }] });
    return;
  }
  log.error('grant import failed', { error: error instanceof Error ? error.message : String(error) });
  res.status(500).json({
    errors: [
      { message: 'Lỗi hệ thống khi đọc tệp; vui lòng thử lại sau.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ],
  });
}

/** A file name to show back: its last path part, printable, at most 200 characters. */
export function cleanFileName(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : '';
  const base = text.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 200);
  return clean || 'tep-nhap.xlsx';
}

export function mountGrantImportRoutes(
  app: Express,
  authenticate: RequestHandler,
  context: (res: Response) => Promise<AwardsContext>,
): void {
  app.get('/files/import/grants/template', authenticate, async (_req, res) => {
    try {
      const bytes = await grantTemplate();
      res
        .status(200)
        .setHeader('Content-Type', XLSX_TYPE)
        .setHeader('Content-Disposition', 'attachment; filename="mau-nhap-khen-thuong.xlsx"')
        .send(bytes);
    } catch (error) {
      fail(res, error);
    }
  });
  app.post(
    '/files/import/grants',
    authenticate,
    express.raw({ type: () => true, limit: XLSX_LIMITS.maxFileBytes }),
    async (req, res) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        res.json(await previewGrantFile(await context(res), body, cleanFileName(req.query['name'])));
      } catch (error) {
        fail(res, error);
      }
    },
  );
}
