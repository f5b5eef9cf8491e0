import { useState } from 'react';
import type { OwnProfileInput } from '../guides.api';

/** What each part of the profile form gets: its slice of the draft, a change to merge, the error of a field. */
export interface PartProps<K extends keyof OwnProfileInput> {
  value: Pick<OwnProfileInput, K>;
  onChange: (change: Partial<Pick<OwnProfileInput, K>>) => void;
  errorOf: (field: string) => string | undefined;
}

let lastRowKey = 0;
/** A stable key for a row the guide adds or removes (rows have no id of their own). */
const newRowKey = () => `row-${++lastRowKey}`;

/**
 * Stable React keys for a list of `count` rows; `add` and `remove` mirror the list's own changes. When the list
 * is replaced from outside (the saved profile came back), the keys are made anew.
 */
export function useRowKeys(count: number) {
  const [keys, setKeys] = useState(() => Array.from({ length: count }, newRowKey));
  if (keys.length !== count) setKeys(Array.from({ length: count }, newRowKey));
  return {
    keys,
    add: () => setKeys((current) => [...current, newRowKey()]),
    remove: (index: number) => setKeys((current) => current.filter((_, i) => i !== index)),
  };
}

/** The list with one row changed. */
export const replaceAt = <T>(list: readonly T[], index: number, change: Partial<T>): T[] =>
  list.map((item, i) => (i === index ? { ...item, ...change } : item));
