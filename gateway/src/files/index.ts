/**
 * The gateway's file routes under `/files` (plain HTTP: GraphQL is not a file transport). Every route
 * runs behind the `/graphql` front (same token check, same rate limit) and reads its data through a
 * GraphQL operation of the gateway itself (http.ts). GET only; anything else under `/files` is a JSON
 * 404, never the dashboard's page.
 */
import type { Express, Request, Response } from 'express';
import { downloadBlocDocument } from './bloc.js';
import { downloadForm } from './forms.js';
import { fileRoute, refuse, type FileRouteDeps } from './http.js';

export { contentDisposition, type FileRouteDeps } from './http.js';
export { text as spreadsheetText } from './xlsx.js';

export function mountFiles(app: Express, deps: FileRouteDeps): void {
  app.get(
    '/files/forms/:form.xlsx',
    ...deps.front,
    fileRoute((req, res) => downloadForm(deps, req, res)),
  );
  app.get(
    '/files/blocs/:code/:year/:document.xlsx',
    ...deps.front,
    fileRoute((req, res) => downloadBlocDocument(deps, req, res)),
  );
  app.use('/files', (_req: Request, res: Response) => {
    refuse(res, 404, 'NOT_FOUND', 'Không có tệp nào ở địa chỉ này.');
  });
}
