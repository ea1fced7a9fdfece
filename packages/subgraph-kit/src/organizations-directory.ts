/**
 * What the other subgraphs need to know from the organizations subgraph while serving a request: units
 * (with their ancestors, for subtree rights), persons, a bloc's members in a year. Read live, on behalf of the
 * caller (the request's internal token is forwarded), batched per request, never copied.
 */
import DataLoader from 'dataloader';
import type { SubgraphClient } from './subgraph-client.js';

export interface DirectoryOrganization {
  id: string;
  code: string;
  name: string;
  /** OrganizationKind of the organizations subgraph (MINISTRY, PROVINCE, COMMUNE …). */
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  /** Ancestor ids, nearest first. */
  ancestorIds: string[];
}

export interface DirectoryMember {
  role: 'LEAD' | 'DEPUTY' | 'MEMBER';
  organization: DirectoryOrganization;
}

export interface DirectoryBloc {
  id: string;
  code: string;
  name: string;
  organizerId: string;
}

export type DirectoryRating = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED';

export interface DirectoryPersonFacts {
  id: string;
  fullName: string;
  gender: 'MALE' | 'FEMALE' | null;
  organization: DirectoryOrganization | null;
  ratings: { year: number; rating: DirectoryRating }[] | null;
}

export interface DirectoryPerson {
  id: string;
  fullName: string;
  organization: DirectoryOrganization | null;
}

const ORGANIZATION_FIELDS = 'id code name kind validFrom validTo ancestors { id }';

interface RawOrganization extends Omit<DirectoryOrganization, 'ancestorIds'> {
  ancestors: { id: string }[];
}

function toOrganization(raw: RawOrganization): DirectoryOrganization {
  return {
    id: raw.id,
    code: raw.code,
    name: raw.name,
    kind: raw.kind,
    validFrom: raw.validFrom,
    validTo: raw.validTo,
    ancestorIds: raw.ancestors.map((a) => a.id),
  };
}

/** GraphQL aliases must be names: one alias per key. */
const alias = (index: number) => `k${index}`;

export function createOrganizationsDirectory(client: SubgraphClient, internalToken: string) {
  const organizationByCode = new DataLoader<string, DirectoryOrganization | null>(async (codes) => {
    const document = `query(${codes.map((_, i) => `$${alias(i)}: String`).join(', ')}) {
      ${codes.map((_, i) => `${alias(i)}: organization(code: $${alias(i)}) { ${ORGANIZATION_FIELDS} }`).join('\n')} }`;
    const data = await client.query<Record<string, RawOrganization | null>>(
      document,
      Object.fromEntries(codes.map((code, i) => [alias(i), code])),
      internalToken,
    );
    return codes.map((_, i) => (data[alias(i)] ? toOrganization(data[alias(i)]!) : null));
  });

  const organizationById = new DataLoader<string, DirectoryOrganization | null>(async (ids) => {
    const document = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { ${ORGANIZATION_FIELDS} } } }`;
    const data = await client.query<{ _entities: (RawOrganization | null)[] }>(
      document,
      { r: ids.map((id) => ({ __typename: 'Organization', id })) },
      internalToken,
    );
    return data._entities.map((raw) => (raw && raw.id ? toOrganization(raw) : null));
  });

  const blocByCode = new DataLoader<string, DirectoryBloc | null>(async (codes) => {
    const document = `query(${codes.map((_, i) => `$${alias(i)}: String`).join(', ')}) {
      ${codes.map((_, i) => `${alias(i)}: bloc(code: $${alias(i)}) { id code name organizer { id } }`).join('\n')} }`;
    const data = await client.query<
      Record<string, { id: string; code: string; name: string; organizer: { id: string } | null } | null>
    >(document, Object.fromEntries(codes.map((code, i) => [alias(i), code])), internalToken);
    return codes.map((_, i) => {
      const raw = data[alias(i)];
      return raw ? { id: raw.id, code: raw.code, name: raw.name, organizerId: raw.organizer?.id ?? '' } : null;
    });
  });

  /** Key: `${blocId}|${year}`. */
  const membersByBlocYear = new DataLoader<string, { bloc: DirectoryBloc; members: DirectoryMember[] } | null>(
    async (keys) => {
      const pairs = keys.map((key) => key.split('|') as [string, string]);
      const document = `query(${pairs.map((_, i) => `$b${i}: ID, $y${i}: Int!`).join(', ')}) {
      ${pairs.map((_, i) => `${alias(i)}: bloc(id: $b${i}) { id code name organizer { id } members(year: $y${i}) { role organization { ${ORGANIZATION_FIELDS} } } }`).join('\n')} }`;
      const variables = Object.fromEntries(
        pairs.flatMap(([id, year], i) => [
          [`b${i}`, id],
          [`y${i}`, Number(year)],
        ]),
      );
      type Raw = {
        id: string;
        code: string;
        name: string;
        organizer: { id: string } | null;
        members: { role: DirectoryMember['role']; organization: RawOrganization | null }[];
      };
      const data = await client.query<Record<string, Raw | null>>(document, variables, internalToken);
      return pairs.map((_, i) => {
        const raw = data[alias(i)];
        if (!raw) return null;
        return {
          bloc: { id: raw.id, code: raw.code, name: raw.name, organizerId: raw.organizer?.id ?? '' },
          members: raw.members
            .filter((member) => member.organization)
            .map((member) => ({ role: member.role, organization: toOrganization(member.organization!) })),
        };
      });
    },
  );

  /** Persons by id with their unit (ancestors included, for "belongs to this unit's subtree"). */
  const personById = new DataLoader<string, DirectoryPerson | null>(async (ids) => {
    const document = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id fullName organization { ${ORGANIZATION_FIELDS} } } } }`;
    const data = await client.query<{
      _entities: ({ id: string; fullName: string; organization: RawOrganization | null } | null)[];
    }>(document, { r: ids.map((id) => ({ __typename: 'Person', id: id.toLowerCase() })) }, internalToken);
    return data._entities.map((raw) =>
      raw && raw.id
        ? {
            id: raw.id,
            fullName: raw.fullName,
            organization: raw.organization ? toOrganization(raw.organization) : null,
          }
        : null,
    );
  });

  /**
   * A person's facts for award rules: unit, gender and annual ratings. Ratings and gender are private
   * in the organizations subgraph: they are null when this caller may not see them.
   */
  const personFactsById = new DataLoader<string, DirectoryPersonFacts | null>(async (ids) => {
    const document = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id fullName gender organization { ${ORGANIZATION_FIELDS} } annualRatings { year rating } } } }`;
    type Raw = {
      id: string;
      fullName: string;
      gender: 'MALE' | 'FEMALE' | null;
      organization: RawOrganization | null;
      annualRatings: { year: number; rating: DirectoryRating }[] | null;
    };
    const data = await client.query<{ _entities: (Raw | null)[] }>(
      document,
      { r: ids.map((id) => ({ __typename: 'Person', id: id.toLowerCase() })) },
      internalToken,
      // Ratings withheld from this caller come back null with a FORBIDDEN error on their path.
      { allowWithheld: true },
    );
    return data._entities.map((raw) =>
      raw && raw.id
        ? {
            id: raw.id,
            fullName: raw.fullName,
            gender: raw.gender,
            organization: raw.organization ? toOrganization(raw.organization) : null,
            ratings: raw.annualRatings,
          }
        : null,
    );
  });

  /** The ids of a unit and every unit under it. Key: organization code. */
  const subtreeIdsByCode = new DataLoader<string, string[] | null>(async (codes) => {
    const document = `query(${codes.map((_, i) => `$${alias(i)}: String`).join(', ')}) {
      ${codes.map((_, i) => `${alias(i)}: organization(code: $${alias(i)}) { id descendantIds }`).join('\n')} }`;
    const data = await client.query<Record<string, { id: string; descendantIds: string[] } | null>>(
      document,
      Object.fromEntries(codes.map((code, i) => [alias(i), code])),
      internalToken,
    );
    return codes.map((_, i) => {
      const raw = data[alias(i)];
      return raw ? [raw.id, ...raw.descendantIds] : null;
    });
  });

  return {
    subtreeIdsByCode,
    personById,
    personFactsById,
    organizationByCode,
    organizationById,
    blocByCode,
    blocYear: (blocId: string, year: number) => membersByBlocYear.load(`${blocId}|${year}`),
  };
}

export type OrganizationsDirectory = ReturnType<typeof createOrganizationsDirectory>;
