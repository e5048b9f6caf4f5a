// Checks shared by the response schemas of this layer.
import * as z from 'zod/mini';

/**
 * A whole number within ±2^53 (what z.int() accepts), as a refine: every distinct zod
 * kind adds a class to the bundle.
 */
export const wholeNumber = z.refine<number>(Number.isSafeInteger);
