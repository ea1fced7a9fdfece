/** NUL bytes, control characters and unicode oddities outside the injection matrix. */
import { CONTRACT_OPERATIONS } from '../../support/operations';
import { json, type Corpus } from './probes';

/** NUL and control characters outside string arguments, and unicode oddities. */
export async function addCharacterProbes(corpus: Corpus): Promise<void> {
  const { ids, central, post, gql } = corpus;
  // 11. NUL bytes and control characters outside string arguments.
  gql('control', 'NUL in document', '{ __typename \u0000 }');
  gql('control', 'NUL inside a field name', '{ organ\u0000ization(code: "HN") { code } }');
  gql('control', 'control characters in document', '{\u0001\u0002\u0003 __typename \u001b[31m }');
  gql('control', 'vertical tab / form feed / NEL', '{\u000b\u000c\u0085 __typename }');
  gql('control', 'unicode line separators', '{\u2028\u2029 __typename }');
  post(
    'control',
    'NUL in variable name',
    json({ query: 'query($c: String) { organization(code: $c) { code } }', variables: { 'c\u0000': 'HN' } }),
  );
  post('control', 'NUL in operationName', json({ query: 'query A { __typename }', operationName: 'A\u0000' }));
  gql('control', 'NUL in search (organizations)', CONTRACT_OPERATIONS['SearchOrganizations']!, { search: '\u0000' });
  gql(
    'control',
    'NUL in persons search',
    'query($s: String) { persons(filter: { search: $s }) { totalCount } }',
    { s: 'Nguy\u0000n' },
    { authorization: `Bearer ${central}` },
  );
  gql('control', 'NUL in the person id', CONTRACT_OPERATIONS['PersonRecord']!, {
    id: `${ids.personId}\u0000`,
    awardTypeCode: 'LDTT',
    year: 2024,
  });

  // 12. Unicode oddities outside the injection matrix.
  gql('unicode', 'NFD search finds nothing dangerous', CONTRACT_OPERATIONS['SearchOrganizations']!, {
    search: 'Ha\u0300 No\u0323i',
    first: 5,
  });
  gql('unicode', 'unicode escape in document', '{ organization(code: "\\u0048\\u004E") { code } }');
  gql('unicode', 'lone surrogate escape in document', '{ organization(code: "\\uD800") { code } }');
  gql('unicode', 'fullwidth braces', '｛ __typename ｝');
  gql('unicode', 'homoglyph field name', '{ оrganization(code: "HN") { code } }');
  gql('unicode', 'emoji operation name', 'query 🏆 { __typename }');
  gql(
    'unicode',
    'overlong Vietnamese name on createOrganization',
    CONTRACT_OPERATIONS['CreateOrganization']!,
    { input: { code: 'SEC_LONG', name: 'Ệ'.repeat(25_000), kind: 'DEPARTMENT', parentCode: 'HN' } },
    { authorization: `Bearer ${central}` },
  );
  gql(
    'unicode',
    'RTL in person name',
    CONTRACT_OPERATIONS['CreatePerson']!,
    { input: { fullName: '\u202eNguyễn\u202c', gender: 'MALE', birthYear: 1980, organizationCode: 'BTP' } },
    { authorization: `Bearer ${central}` },
  );
  for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD'] as const)
    gql('unicode', `search ${form} "Đà Nẵng"`, CONTRACT_OPERATIONS['SearchOrganizations']!, {
      search: 'Thành phố Đà Nẵng'.normalize(form),
      first: 3,
    });
}
