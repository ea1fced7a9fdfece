/**
 * Rows of the nomination's routing by level and of the spreadsheet import's commit.
 *
 * forwardNomination: a Bằng khen of the Prime Minister proposed by a BTP department is held, once
 * submitted, by BTP (the ministry level); BTP's officers (and the Board) may send it on to the Central
 * Board, the department below may not (a forwarded file is read-only below its holder).
 *
 * commitGrantImport: the staged file is written straight into awards.grant_import_file (the upload is
 * plain HTTP, tested in test/awards/grant-import-file.test.ts); its one row is a grant of a fresh BTP
 * person, so the commit is in scope for BTP's officers and its department's, as importGrants is, and an
 * out-of-scope commit answers with row errors and imports nothing.
 */
import { createHash } from 'node:crypto';
import { UNIT_OFFICER } from './callers';
import type { MutationRow } from './mutation-rows';
import { freshNomination, freshPerson, type World } from './world';

async function stagedFile(world: World): Promise<{ sha: string; personId: string }> {
  const person = await freshPerson(world);
  const sha = createHash('sha256').update(`matrix-${world.next()}`).digest('hex');
  const rows = [
    {
      row: 2,
      grant: {
        personId: person.id,
        awardTypeCode: 'LDTT',
        year: 2021,
        basis: 'MERIT',
        decisionNumber: `${world.next()}/QĐ-BTP`,
        issuedOn: '2022-01-10',
        issuerCode: 'BTP',
      },
      problems: [],
      understood: [],
    },
  ];
  await world.awardsCount(
    `WITH staged AS (
       INSERT INTO awards.grant_import_file (sha256, file_name, rows, row_count) VALUES ($1, 'ma-tran.xlsx', $2::jsonb, 1)
       RETURNING 1)
     SELECT count(*) FROM staged`,
    [sha, JSON.stringify(rows)],
  );
  return { sha, personId: person.id };
}

export const ROUTING_IMPORT_ROWS: MutationRow[] = [
  {
    operation: 'forwardNomination',
    prepare: (world) => freshNomination(world, 'SUBMITTED', { awardTypeCode: 'BANG_KHEN_TTG' }),
    build: ({ nominationId }) => ({
      query: `mutation($id: ID!) { forwardNomination(id: $id) { id holder { level } } }`,
      variables: { id: nominationId },
    }),
    state: ({ nominationId }, world) =>
      world.board(`query($id: ID!) { nomination(id: $id) { status holder { level } } }`, { id: nominationId }),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'update',
  },
  {
    operation: 'commitGrantImport',
    prepare: (world) => stagedFile(world),
    build: ({ sha }) => ({
      query: `mutation($sha: String!) { commitGrantImport(fileSha256: $sha) { alreadyCommitted result { imported errors { code } } } }`,
      variables: { sha },
    }),
    state: ({ personId }, world) =>
      world.board(`query($id: ID!) { person(id: $id) { grants { id } } }`, { id: personId }),
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    // Out-of-scope rows come back as row errors (nothing imported), not as a GraphQL error.
    outcome: (response) => {
      const errors = (response.body.data as any)?.commitGrantImport?.result?.errors as { code: string }[] | undefined;
      return errors?.length ? errors[0]!.code : undefined;
    },
  },
];
