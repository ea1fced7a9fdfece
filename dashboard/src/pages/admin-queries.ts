/** The GraphQL documents of the administration screens (Quản trị). */

export const ADMIN_BLOCS = /* GraphQL */ `
  query DashboardAdminBlocs($organizerCode: String, $first: Int, $after: String) {
    blocs(filter: { organizerCode: $organizerCode }, first: $first, after: $after) {
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
          viewerCanManage
          organizer {
            code
            name
          }
        }
      }
    }
  }
`;

export const ADMIN_BLOC = /* GraphQL */ `
  query DashboardAdminBloc($code: String!, $year: Int!) {
    bloc(code: $code) {
      code
      name
      kind
      version
      years
      viewerCanManage
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
      leadershipHistory {
        year
        lead {
          code
          name
        }
        deputy {
          code
          name
        }
      }
    }
  }
`;

export const ADMIN_CREATE_BLOC = /* GraphQL */ `
  mutation DashboardCreateBloc($input: CreateBlocInput!) {
    createBloc(input: $input) {
      code
    }
  }
`;

export const ADMIN_UPDATE_BLOC = /* GraphQL */ `
  mutation DashboardUpdateBloc($input: UpdateBlocInput!) {
    updateBloc(input: $input) {
      code
      name
    }
  }
`;

export const ADMIN_SET_BLOC_MEMBERSHIP = /* GraphQL */ `
  mutation DashboardSetBlocMembership($input: SetBlocMembershipInput!) {
    setBlocMembership(input: $input) {
      role
      organization {
        code
        name
      }
    }
  }
`;

export const ADMIN_COPY_BLOC_MEMBERSHIP = /* GraphQL */ `
  mutation DashboardCopyBlocMembership($input: CopyBlocMembershipInput!) {
    copyBlocMembership(input: $input) {
      fromYear
      members {
        role
      }
      leftOut {
        name
      }
    }
  }
`;

export const ADMIN_ROTATE_BLOC_LEADERSHIP = /* GraphQL */ `
  mutation DashboardRotateBlocLeadership($input: RotateBlocLeadershipInput!) {
    rotateBlocLeadership(input: $input) {
      role
    }
  }
`;

export const ADMIN_UNIT = /* GraphQL */ `
  query DashboardAdminUnit($code: String!) {
    organization(code: $code) {
      code
      name
      shortName
      kind
      level
      version
      validFrom
      validTo
      viewerCanEdit
      viewerCanActFor
      parent {
        code
        name
      }
      children {
        code
        name
        kind
        validTo
      }
      lineage {
        kind
        effectiveDate
        legalBasis
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
  }
`;

export const ADMIN_UNIT_PERSONS = /* GraphQL */ `
  query DashboardAdminUnitPersons($code: String!, $first: Int, $after: String) {
    persons(filter: { organizationCode: $code }, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          fullName
          position
          organization {
            code
            name
          }
          annualRatings {
            year
            rating
          }
        }
      }
    }
  }
`;

export const ADMIN_CREATE_ORGANIZATION = /* GraphQL */ `
  mutation DashboardCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      code
    }
  }
`;

export const ADMIN_UPDATE_ORGANIZATION = /* GraphQL */ `
  mutation DashboardUpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      code
      name
      parent {
        name
      }
    }
  }
`;

export const ADMIN_RECORD_LINEAGE_EVENT = /* GraphQL */ `
  mutation DashboardRecordLineageEvent($input: RecordLineageEventInput!) {
    recordLineageEvent(input: $input) {
      kind
    }
  }
`;

export const ADMIN_CREATE_PERSON = /* GraphQL */ `
  mutation DashboardCreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
    }
  }
`;

export const ADMIN_RECORD_ANNUAL_RATING = /* GraphQL */ `
  mutation DashboardRecordAnnualRating($input: RecordAnnualRatingInput!) {
    recordAnnualRating(input: $input) {
      year
    }
  }
`;
