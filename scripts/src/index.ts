/** What other packages (the tests) import from @tdkt/scripts. */
export * from './compose.js';
export * from './backup.js';
export {
  seedScale,
  formatReport,
  PRESETS as SCALE_PRESETS,
  stderrProgress,
  type SeedScaleOptions,
  type SeedScaleReport,
  type SeedScaleTable,
  type PresetName as ScalePresetName,
  type ScalePreset,
  type ProgressEvent as SeedScaleProgressEvent,
} from './seed-scale/index.js';
