// Checks shared by the option schemas here and the response schemas in src/billing
// (which may import src/health, never the other way round).
import * as z from 'zod/mini';

/**
 * A whole number within ±2^53 (what z.int() accepts), as a refine: every distinct zod
 * kind adds a class to the widget bundle.
 */
export const wholeNumber = z.refine<number>(Number.isSafeInteger);
