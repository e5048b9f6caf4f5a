// What the client needs from a memory of unavailable endpoints. The persistent one
// lives in src/monitor (it hashes the scope and stores it); without one, every check
// asks every endpoint (the CLI, one-off checks).
import type { Endpoint } from '../health/endpoints.ts';

/** Which base and key an entry is about; implementations must not store these as-is. */
export interface MemoryScope {
  base: string;
  apiKey: string;
}

export interface EndpointMemory {
  isUnavailable(scope: MemoryScope, endpoint: Endpoint): boolean;
  remember(scope: MemoryScope, endpoint: Endpoint): void;
}
