/**
 * The tables the scale loader writes with COPY: the descriptors the subgraphs' stores export, so a
 * column is declared once, in the store that owns the table. A step writes each row's values in its
 * descriptor's column order (`CopyWriter.open(client, table)`, `new RowBuffer(table)`); a new column
 * with a default needs nothing here, a new required one needs its value in the step that writes it.
 */
import { ORGANIZATIONS_TABLES } from '@tdkt/organizations';
import { CAMPAIGNS_TABLES } from '@tdkt/campaigns';
import { AWARDS_TABLES } from '@tdkt/awards';
import { qualifiedName } from '@tdkt/subgraph-kit';

export const ORGANIZATIONS_SCALE_TABLES = {
  organization: ORGANIZATIONS_TABLES.organization,
  lineage_event: ORGANIZATIONS_TABLES.lineage_event,
  lineage_participant: ORGANIZATIONS_TABLES.lineage_participant,
  bloc: ORGANIZATIONS_TABLES.bloc,
  bloc_membership: ORGANIZATIONS_TABLES.bloc_membership,
  person: ORGANIZATIONS_TABLES.person,
  annual_rating: ORGANIZATIONS_TABLES.annual_rating,
};

export const CAMPAIGNS_SCALE_TABLES = {
  pledge: CAMPAIGNS_TABLES.pledge,
  pledge_item: CAMPAIGNS_TABLES.pledge_item,
  pledge_signature: CAMPAIGNS_TABLES.pledge_signature,
  progress_report: CAMPAIGNS_TABLES.progress_report,
  scorecard: CAMPAIGNS_TABLES.scorecard,
  scorecard_item: CAMPAIGNS_TABLES.scorecard_item,
  pledge_ranking: CAMPAIGNS_TABLES.pledge_ranking,
  bloc_vote: CAMPAIGNS_TABLES.bloc_vote,
};

export const AWARDS_SCALE_TABLES = {
  decision: AWARDS_TABLES.decision,
  award_grant: AWARDS_TABLES.award_grant,
  nomination: AWARDS_TABLES.nomination,
  nomination_event: AWARDS_TABLES.nomination_event,
  council_vote: AWARDS_TABLES.council_vote,
  initiative: AWARDS_TABLES.initiative,
  initiative_author: AWARDS_TABLES.initiative_author,
  grant_initiative: AWARDS_TABLES.grant_initiative,
};

/** `schema.table`: how the steps, the bookkeeping and the report name a table. */
export const tableName = qualifiedName;
