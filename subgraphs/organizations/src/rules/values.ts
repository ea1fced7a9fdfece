/** The enumerated values of the domain, plain TypeScript for the rules; types/enums.ts registers them with GraphQL. */

export enum OrganizationKind {
  MINISTRY = 'MINISTRY',
  MINISTERIAL_AGENCY = 'MINISTERIAL_AGENCY',
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  COURT = 'COURT',
  PROCURACY = 'PROCURACY',
  STATE_AUDIT = 'STATE_AUDIT',
  PARTY_OR_MASS_ORGANIZATION = 'PARTY_OR_MASS_ORGANIZATION',
  PROVINCE = 'PROVINCE',
  CENTRAL_CITY = 'CENTRAL_CITY',
  COMMUNE = 'COMMUNE',
  WARD = 'WARD',
  SPECIAL_ZONE = 'SPECIAL_ZONE',
  DEPARTMENT = 'DEPARTMENT',
  PUBLIC_SERVICE_UNIT = 'PUBLIC_SERVICE_UNIT',
  ENTERPRISE = 'ENTERPRISE',
  DISTRICT = 'DISTRICT',
  STATE_LEADERSHIP = 'STATE_LEADERSHIP',
  OTHER = 'OTHER',
}

export enum OrganizationLevel {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  BASE = 'BASE',
}

export enum LineageKind {
  MERGE = 'MERGE',
  SPLIT = 'SPLIT',
  RENAME = 'RENAME',
  DISSOLVE = 'DISSOLVE',
  TRANSFER = 'TRANSFER',
}

export enum BlocKind {
  BLOC = 'BLOC',
  CLUSTER = 'CLUSTER',
}

export enum BlocMemberRole {
  LEAD = 'LEAD',
  DEPUTY = 'DEPUTY',
  MEMBER = 'MEMBER',
}

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum AnnualRatingValue {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
}
