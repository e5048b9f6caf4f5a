// The monitor's public surface: what src/kommo builds the panels' data source from.
// Everything else in this folder is its inside.
export { checkIntervalMs, createEngineSource, type EngineDeps, type MonitorConfig } from './engine.ts';
export { createUnconfiguredSource, type HealthSource, type MonitorState } from './report-source.ts';
export type { CheckHistory, HistoryEntry } from './history.ts';
