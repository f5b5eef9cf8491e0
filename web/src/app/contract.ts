/**
 * The contract between server and web: the web's request and reply types come from the server's zod schemas
 * (`import type * as s from '…/<m>.schema.ts'`, erased by Vite), so a schema change that breaks the web app
 * fails typecheck instead of failing in a browser.
 */
import type { z } from 'zod';

/** A value as JSON carries it: dates become ISO strings, everything else stays what it is. */
type Json<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** What the server sends for a reply schema (what the route returns, as JSON). */
export type Reply<S extends z.ZodType> = Json<z.output<S>>;

/** What the web sends as a body: the schema's input (fields with a default may be left out). */
export type Body<S extends z.ZodType> = z.input<S>;

/**
 * What the web sends as a query string: the schema's input; coerced fields (input `unknown`) take the
 * string or number the URL carries.
 */
export type Query<S extends z.ZodType> = {
  [K in keyof z.input<S>]: unknown extends z.input<S>[K] ? string | number | undefined : z.input<S>[K];
};
