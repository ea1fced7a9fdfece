/**
 * The sizes of the scale dataset, one row per preset. Organizations are laid out level by level (the
 * reference ministries and provinces on top); persons, grants and nominations follow from the counts
 * here. `national` mirrors Vietnam after the 2025 reform: 34 provinces, 3,321 communes (2,621 xã,
 * 687 phường, 13 đặc khu) that replaced 10,035 communes of 696 districts, some 70 central bodies.
 */

export type PresetName = 'tiny' | 'small' | 'national';

export interface ScalePreset {
  name: PresetName;
  /** Central bodies added to the ~30 reference ones (taken in order from EXTRA_CENTRAL_BODIES). */
  extraCentralBodies: number;
  /** Departments and service units under each central body (ministries and the like). */
  unitsPerCentralBody: number;
  /** Provincial departments (sở, ban, văn phòng) per current province (at most 20). */
  departmentsPerProvince: number;
  /** Schools, hospitals, centres … under each provincial department. */
  unitsPerDepartment: number;
  /** Districts before 2025-07-01, spread over the 63 former provinces (valid to 2025-06-30). */
  formerDistricts: number;
  /** Communes before 2025-07-01, under those districts (valid to 2025-06-30). */
  formerCommunes: number;
  /** Communes, wards and special zones from 2025-07-01, each merging some former communes. */
  communes: number;
  /** Units under each commune: kindergarten, primary and lower-secondary school, health station, villages (at most 9). */
  unitsPerCommune: number;
  persons: number;
  /** Emulation blocs and clusters (khối, cụm thi đua), besides the two reference ones. */
  blocs: number;
  /** Target number of nominations (the workflow share of units is derived from it). */
  nominations: number;
  /** What the grant model gives for these counts (for the progress bar; the report shows the actual count). */
  expectedGrants: number;
  /** Persons per chunk of the persons and awards steps (one transaction each, the unit of resume). */
  chunkPersons: number;
}

export const PRESETS: Readonly<Record<PresetName, ScalePreset>> = {
  tiny: {
    name: 'tiny',
    extraCentralBodies: 0,
    unitsPerCentralBody: 1,
    departmentsPerProvince: 1,
    unitsPerDepartment: 1,
    formerDistricts: 20,
    formerCommunes: 45,
    communes: 34,
    unitsPerCommune: 2,
    persons: 2_000,
    blocs: 10,
    nominations: 1_000,
    expectedGrants: 10_000,
    chunkPersons: 1_000,
  },
  small: {
    name: 'small',
    extraCentralBodies: 4,
    unitsPerCentralBody: 4,
    departmentsPerProvince: 4,
    unitsPerDepartment: 2,
    formerDistricts: 70,
    formerCommunes: 300,
    communes: 100,
    unitsPerCommune: 9,
    persons: 20_000,
    blocs: 40,
    nominations: 10_000,
    expectedGrants: 100_000,
    chunkPersons: 10_000,
  },
  national: {
    name: 'national',
    extraCentralBodies: 40,
    unitsPerCentralBody: 45,
    departmentsPerProvince: 20,
    unitsPerDepartment: 10,
    formerDistricts: 696,
    formerCommunes: 10_035,
    communes: 3_321,
    unitsPerCommune: 8,
    persons: 2_000_000,
    blocs: 1_000,
    nominations: 1_000_000,
    expectedGrants: 10_000_000,
    chunkPersons: 50_000,
  },
};

export function presetByName(name: string): ScalePreset {
  const preset = (PRESETS as Record<string, ScalePreset>)[name];
  if (!preset) throw new Error(`Unknown preset "${name}": use ${Object.keys(PRESETS).join(', ')}`);
  return preset;
}

/** The years of the generated history: ratings and grants 2016–2025, memberships to 2026. */
export const FIRST_YEAR = 2016;
export const LAST_GRANT_YEAR = 2025;
/** The year in progress: blocs, pledges (open, signed), ratings and nominations of the current cycle. */
export const CURRENT_YEAR = 2026;
/** "Today" for the dataset (fixed, so the data does not depend on the clock). */
export const AS_OF = '2026-11-15';
/** Achievement years handled through the nomination workflow (earlier grants are imported records). */
export const WORKFLOW_FROM_YEAR = 2024;
/** Bump when the generator changes what it writes: a resume refuses data of another version. */
export const GENERATOR_VERSION = 3;
