// The monitor's public surface: what src/kommo builds the panels' data source from.
// Everything else in this folder is its inside.
export { checkIntervalMs, createEngineSource, type MonitorConfig } from './engine.ts';
export { engineNotLoadedSignals, isEngineNotLoaded, loadCheckEngine, type CheckEngine, type LoadEngine } from './check-engine.ts';
export { checkRelayOnce, createRelaySource, type RelayAnswer, type RelayTransport } from './relay-engine.ts';
export { readRelayUrl } from './relay-url.ts';
export { createUnconfiguredSource, type HealthSource } from './report-source.ts';
