// Readers for values that come back from storage, another tab or the owner's settings:
// script.js checks them without zod (network bodies keep their zod schemas in
// src/billing, loaded with engine.js). A reader returns the value it accepts, objects
// as a fresh copy holding only the keys it names, or undefined when it refuses.

export type Reader<T> = (value: unknown) => T | undefined;

/** What a reader gives when it accepts. */
type Read<R> = R extends Reader<infer T> ? T : never;

type Shape = Record<string, Reader<unknown>>;
type Fields<S extends Shape> = { -readonly [K in keyof S]: Read<S[K]> };

const any = () => true;

/** A finite number (never NaN or ±Infinity) that passes `test`. */
export const finite =
  (test: (n: number) => boolean = any): Reader<number> =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && test(value) ? value : undefined;

export const bool: Reader<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);

/** A string of at most `max` characters that passes `test`. */
export const text =
  (max: number, test: (s: string) => boolean = any): Reader<string> =>
  (value) =>
    typeof value === 'string' && value.length <= max && test(value) ? value : undefined;

/** A string read by `read` once its surrounding whitespace is gone (a pasted or typed value). */
export const trimmed =
  (read: Reader<string>): Reader<string> =>
  (value) =>
    typeof value === 'string' ? read(value.trim()) : undefined;

/** A time Date.parse understands, no longer than an ISO time with an offset needs. */
export const isoTime: Reader<string> = text(40, (at) => !Number.isNaN(Date.parse(at)));

/** A value that passes `test` as it is: a tag, a code from a table, a member of a set. */
export const is =
  <T>(test: (value: unknown) => boolean): Reader<T> =>
  (value) =>
    test(value) ? (value as T) : undefined;

export const nullable =
  <T>(read: Reader<T>): Reader<T | null> =>
  (value) =>
    value === null ? null : read(value);

/** An array of at most `max` items, every one accepted by `read` (one refusal refuses all). */
export const listOf =
  <T>(read: Reader<T>, max: number): Reader<T[]> =>
  (value) => {
    if (!Array.isArray(value) || value.length > max) return undefined;
    const out: T[] = [];
    for (const item of value) {
      const accepted = read(item);
      if (accepted === undefined) return undefined;
      out.push(accepted);
    }
    return out;
  };

/** An object as JSON.parse or structured clone make them: no array, no class, no borrowed prototype. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An own property's value: an inherited (or polluted) one counts as absent. */
export const own = (record: Record<string, unknown>, key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * A plain object with the `required` fields and, when present, the `optional` ones. Only
 * own properties are read (an inherited or polluted one counts as absent) and the copy
 * holds only the named keys, so `__proto__` or a server's message never passes through.
 */
export function object<R extends Shape, O extends Shape = Record<never, Reader<unknown>>>(
  required: R,
  optional?: O,
): Reader<Fields<R> & Partial<Fields<O>>> {
  type Field = [key: string, read: Reader<unknown>, needed: boolean];
  const fields: Field[] = [
    ...Object.entries(required).map(([key, read]): Field => [key, read, true]),
    ...Object.entries(optional ?? {}).map(([key, read]): Field => [key, read, false]),
  ];
  return (value) => {
    if (!isPlainObject(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, read, needed] of fields) {
      const raw = own(value, key);
      if (raw === undefined) {
        if (needed) return undefined;
        continue;
      }
      const accepted = read(raw);
      if (accepted === undefined) return undefined;
      out[key] = accepted;
    }
    return out as Fields<R> & Partial<Fields<O>>;
  };
}
