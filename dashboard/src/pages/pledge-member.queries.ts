/** GraphQL documents of the members' and the lead's follow-up screens of a pledge year. */

export const PLEDGE_YEAR_WORK = /* GraphQL */ `
  query PledgeYearWork($code: String!, $year: Int!) {
    bloc(code: $code) {
      code
      pledge(year: $year) {
        id
        year
        status
        crossScoreShift
        items {
          code
          title
          targetValue
          unit
          maxScore
          allowNegative
        }
        deadlines {
          kind
          period
          dueOn
          isDefault
        }
        crossScoring {
          scorer {
            code
            name
          }
          subject {
            code
            name
          }
        }
        progressHistory {
          period
          revision
          value
          note
          reportedAt
          item {
            code
          }
          organization {
            code
          }
        }
        scorecards {
          stage
          totalScore
          bonus
          penalty
          submittedAt
          scores {
            itemCode
            points
            justification
          }
          organization {
            code
            name
          }
          scoredBy {
            code
            name
          }
        }
        outstanding {
          kind
          period
          itemCodes
          dueOn
          overdue
          organization {
            code
            name
          }
          subject {
            code
            name
          }
        }
        reminders {
          id
          kind
          period
          remindedAt
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
          }
        }
      }
    }
  }
`;

export const REPORT_PLEDGE_PROGRESS = /* GraphQL */ `
  mutation ReportPledgeProgress($input: ReportPledgeProgressInput!) {
    reportPledgeProgress(input: $input) {
      period
      revision
      value
    }
  }
`;

export const SUBMIT_SCORECARD_WITH_REASONS = /* GraphQL */ `
  mutation SubmitScorecardWithReasons($input: SubmitScorecardInput!) {
    submitScorecard(input: $input) {
      stage
      totalScore
    }
  }
`;

export const REMIND_PLEDGE_MEMBER = /* GraphQL */ `
  mutation RemindPledgeMember($input: RemindPledgeMemberInput!) {
    remindPledgeMember(input: $input) {
      id
      kind
      period
      remindedAt
    }
  }
`;

export const SET_CROSS_SCORE_ROTATION = /* GraphQL */ `
  mutation SetCrossScoreRotation($input: SetCrossScoreRotationInput!) {
    setCrossScoreRotation(input: $input) {
      id
      crossScoreShift
    }
  }
`;

export const SET_PLEDGE_DEADLINE = /* GraphQL */ `
  mutation SetPledgeDeadline($input: SetPledgeDeadlineInput!) {
    setPledgeDeadline(input: $input) {
      id
    }
  }
`;

export const MY_PLEDGE_TASKS = /* GraphQL */ `
  query MyPledgeTasks($year: Int!) {
    myPledgeTasks(year: $year) {
      kind
      period
      itemCodes
      dueOn
      overdue
      reminders
      bloc {
        code
        name
      }
      subject {
        code
        name
      }
    }
  }
`;
