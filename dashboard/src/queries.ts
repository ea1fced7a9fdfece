/**
 * Every document the dashboard sends. Those named in the platform contract
 * (its copy is test/contract/operations.graphql) are sent exactly as written there; the others use only
 * public fields of schema/supergraph.graphql. A root field owned by another subgraph that is non-null
 * (awardStatistics) goes in its own request, so that subgraph being down never blanks the rest.
 */

// ---- contract operations ---------------------------------------------------------------------

export const BLOC_BOARD = /* GraphQL */ `
  query BlocBoard($code: String!, $year: Int!) {
    bloc(code: $code) {
      id
      code
      name
      kind
      organizer {
        code
        name
      }
      members(year: $year) {
        role
        organization {
          id
          code
          name
        }
      }
      pledge(year: $year) {
        id
        year
        theme
        status
        signedAt
        items {
          code
          title
          targetValue
          unit
          maxScore
        }
        signatures {
          signedAt
          organization {
            code
            name
          }
        }
        progress {
          period
          value
          note
          item {
            code
          }
          organization {
            code
          }
        }
        ranking {
          rank
          totalScore
          organization {
            code
            name
            grants(year: $year) {
              awardType {
                code
                name
              }
              decision {
                number
                issuedOn
              }
            }
          }
        }
        leadingUnit {
          code
          name
        }
      }
    }
  }
`;

export const ORGANIZATION_TREE = /* GraphQL */ `
  query OrganizationTree($code: String!) {
    organization(code: $code) {
      id
      code
      name
      shortName
      kind
      level
      validFrom
      validTo
      parent {
        code
        name
      }
      children {
        code
        name
        kind
      }
      predecessors {
        code
        name
      }
      successors {
        code
        name
      }
    }
  }
`;

export const SEARCH_ORGANIZATIONS = /* GraphQL */ `
  query SearchOrganizations($search: String!, $first: Int, $after: String) {
    organizations(filter: { search: $search }, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          code
          name
          kind
          level
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const ORGANIZATION_PROFILE = /* GraphQL */ `
  query OrganizationProfile($code: String!, $year: Int!) {
    organization(code: $code) {
      code
      name
      blocMemberships(year: $year) {
        role
        bloc {
          code
          name
        }
      }
      pledgeSignatures(year: $year) {
        signedAt
        pledge {
          year
          bloc {
            code
            name
          }
        }
      }
      grants(year: $year) {
        year
        awardType {
          code
          name
          category
        }
        decision {
          number
          issuedOn
        }
      }
    }
  }
`;

export const PERSON_RECORD = /* GraphQL */ `
  query PersonRecord($id: ID!, $awardTypeCode: String!, $year: Int!) {
    person(id: $id) {
      id
      fullName
      organization {
        code
        name
      }
      annualRatings {
        year
        rating
      }
      grants {
        year
        awardType {
          code
          name
        }
        decision {
          number
          issuedOn
        }
        basis
      }
      eligibility(awardTypeCode: $awardTypeCode, year: $year) {
        eligible
        ruleset
        reasons {
          code
          message
        }
        evidence {
          year
          awardType {
            code
          }
        }
      }
    }
  }
`;

export const AWARD_CATALOG = /* GraphQL */ `
  query AwardCatalog {
    awardTypes {
      code
      name
      category
      subjectKinds
      decidingAuthority
    }
  }
`;

export const AWARD_STATISTICS = /* GraphQL */ `
  query AwardStatistics($filter: AwardStatisticsFilter!) {
    awardStatistics(filter: $filter) {
      total
      byAwardType {
        awardType {
          code
          name
        }
        count
      }
      byYear {
        year
        count
      }
      bySubjectKind {
        subjectKind
        count
      }
      byGender {
        gender
        count
      }
    }
  }
`;

export const CREATE_PLEDGE = /* GraphQL */ `
  mutation CreatePledge($input: CreatePledgeInput!) {
    createPledge(input: $input) {
      id
      status
      items {
        code
      }
    }
  }
`;

export const OPEN_PLEDGE = /* GraphQL */ `
  mutation OpenPledge($id: ID!) {
    openPledge(id: $id) {
      id
      status
    }
  }
`;

export const SIGN_PLEDGE = /* GraphQL */ `
  mutation SignPledge($input: SignPledgeInput!) {
    signPledge(input: $input) {
      signedAt
      organization {
        code
      }
      pledge {
        id
        status
      }
    }
  }
`;

export const SUBMIT_SCORECARD = /* GraphQL */ `
  mutation SubmitScorecard($input: SubmitScorecardInput!) {
    submitScorecard(input: $input) {
      stage
      totalScore
    }
  }
`;

export const CLOSE_PLEDGE = /* GraphQL */ `
  mutation ClosePledge($id: ID!) {
    closePledge(id: $id) {
      id
      status
      ranking {
        rank
        organization {
          code
        }
        totalScore
      }
    }
  }
`;

// ---- dashboard's own reads (public schema fields only) ---------------------------------------

export const DASHBOARD_YEARS = /* GraphQL */ `
  query DashboardYears($after: String) {
    blocs(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          years
          pledges {
            year
          }
        }
      }
    }
  }
`;

export const DASHBOARD_OVERVIEW = /* GraphQL */ `
  query DashboardOverview($year: Int!, $after: String) {
    blocs(filter: { year: $year }, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          name
          kind
          organizer {
            code
            name
          }
          members(year: $year) {
            role
            organization {
              code
              name
            }
          }
          pledge(year: $year) {
            id
            status
            signedAt
            items {
              code
              targetValue
            }
            signatures {
              organization {
                code
              }
            }
            progress {
              period
              value
              item {
                code
              }
              organization {
                code
              }
            }
            leadingUnit {
              code
              name
            }
          }
        }
      }
    }
  }
`;

/** One request per bloc: the chosen year by award type, and ten years by year. */
export const DASHBOARD_BLOC_AWARDS = /* GraphQL */ `
  query DashboardBlocAwards($year: AwardStatisticsFilter!, $years: AwardStatisticsFilter!) {
    inYear: awardStatistics(filter: $year) {
      total
      byAwardType {
        awardType {
          code
          name
        }
        count
      }
    }
    overYears: awardStatistics(filter: $years) {
      total
      byYear {
        year
        count
      }
    }
  }
`;

export const DASHBOARD_MOVEMENTS = /* GraphQL */ `
  query DashboardMovements($after: String) {
    movements(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          title
          launchLevel
          scope
          method
          startDate
          endDate
          launchedBy {
            code
            name
          }
        }
      }
    }
  }
`;

export const BLOC_LIST = /* GraphQL */ `
  query DashboardBlocList($after: String) {
    blocs(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          name
          kind
          years
          organizer {
            code
            name
          }
        }
      }
    }
  }
`;

export const BLOC_BOARD_DETAILS = /* GraphQL */ `
  query BlocBoardDetails($code: String!, $year: Int!) {
    bloc(code: $code) {
      code
      years
      pledge(year: $year) {
        id
        status
        openedAt
        closedAt
        bonusCap
        scorecards {
          stage
          totalScore
          bonus
          penalty
          scores {
            itemCode
            points
          }
          organization {
            code
          }
        }
        votes {
          id
          yes
          no
          abstain
          membersTotal
          passed
          votedOn
          annulledAt
          annulledReason
          candidate {
            code
            name
          }
        }
      }
    }
  }
`;

export const ORGANIZATION_DETAILS = /* GraphQL */ `
  query OrganizationDetails($code: String!, $year: Int!) {
    organization(code: $code) {
      code
      isDemo
      blocMemberships(year: $year) {
        bloc {
          code
          kind
        }
      }
      ancestors {
        code
        name
      }
      descendantIds
      lineage {
        id
        kind
        effectiveDate
        legalBasis
        note
        predecessors {
          code
          name
        }
        successors {
          code
          name
        }
      }
      movementsLaunched {
        code
        title
        startDate
      }
      conferencesHosted {
        code
        title
        periodFrom
        periodTo
      }
    }
  }
`;

export const PERSON_SEARCH = /* GraphQL */ `
  query DashboardPersonSearch($search: String, $first: Int, $after: String) {
    persons(filter: { search: $search }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          fullName
          organization {
            code
            name
          }
        }
      }
    }
  }
`;

export const PERSON_DETAILS = /* GraphQL */ `
  query DashboardPersonDetails($id: ID!) {
    person(id: $id) {
      id
      gender
      birthYear
      position
      isDemo
      annualRatings {
        year
      }
    }
  }
`;

export const ELIGIBILITY_NOTES = /* GraphQL */ `
  query DashboardEligibilityNotes($id: ID!, $awardTypeCode: String!, $year: Int!) {
    person(id: $id) {
      id
      eligibility(awardTypeCode: $awardTypeCode, year: $year) {
        notes
      }
    }
  }
`;

export const CONFERENCE_LIST = /* GraphQL */ `
  query DashboardConferences($after: String) {
    conferences(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          title
          kind
          level
          periodFrom
          periodTo
          heldOn
          host {
            code
            name
          }
        }
      }
    }
  }
`;

export const CONFERENCE_DETAIL = /* GraphQL */ `
  query DashboardConference($code: String!) {
    conference(code: $code) {
      code
      title
      kind
      level
      periodFrom
      periodTo
      heldOn
      theme
      maxDelegates
      minExemplarShare
      balanceFacets
      source
      isDemo
      host {
        code
        name
      }
      feedsInto {
        code
        title
      }
      feeders {
        code
        title
      }
      delegates {
        id
        ordinal
        fullName
        category
        sector
        isExemplar
        gender
        ethnicity
        birthYear
        isDirectWorker
        organization {
          code
          name
        }
        selectedFor {
          code
          title
        }
      }
      incomingDelegates {
        id
        ordinal
        fullName
        category
        sector
        isExemplar
        gender
        ethnicity
        birthYear
        isDirectWorker
        organization {
          code
          name
        }
        selectedFor {
          code
          title
        }
      }
      compositionReport {
        total
        exemplarCount
        passed
        lines {
          rule
          required
          actual
          passed
        }
        breakdowns {
          facet
          buckets {
            value
            label
            count
            share
          }
        }
      }
    }
  }
`;

/** Reads every page of a cursor connection (at most 100 a page), for lists the page aggregates. */
export async function allPages<N>(
  read: (
    after: string | null,
  ) => Promise<{ nodes: N[]; hasNextPage: boolean; endCursor: string | null; errors: import('./api').GqlError[] }>,
  limit = 50,
): Promise<{ nodes: N[]; errors: import('./api').GqlError[] }> {
  const nodes: N[] = [];
  const errors: import('./api').GqlError[] = [];
  let after: string | null = null;
  for (let page = 0; page < limit; page += 1) {
    const result = await read(after);
    nodes.push(...result.nodes);
    errors.push(...result.errors);
    if (!result.hasNextPage || !result.endCursor) break;
    after = result.endCursor;
  }
  return { nodes, errors };
}

export const ORGANIZATION_NAME = /* GraphQL */ `
  query DashboardOrganizationName($code: String!) {
    organization(code: $code) {
      code
      name
    }
  }
`;

export const BLOC_YEARS = /* GraphQL */ `
  query DashboardBlocYears($code: String!) {
    bloc(code: $code) {
      code
      years
      pledges {
        year
      }
    }
  }
`;

export const ANNUL_BLOC_VOTE = /* GraphQL */ `
  mutation DashboardAnnulBlocVote($input: AnnulBlocVoteInput!) {
    annulBlocVote(input: $input) {
      id
      annulledAt
    }
  }
`;

export const RECORD_BLOC_VOTE = /* GraphQL */ `
  mutation DashboardRecordBlocVote($input: RecordBlocVoteInput!) {
    recordBlocVote(input: $input) {
      id
      passed
      threshold
      candidate {
        code
        name
      }
    }
  }
`;
