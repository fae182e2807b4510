import { useSearchParams } from 'react-router-dom';

export type UrlFilterChange<Name extends string = string> = (next: Partial<Record<Name | 'page', string | undefined>>) => void;

/**
 * A list's filters and page kept in the URL, so a link can be shared.
 * `change` merges `next` into the query: a value sets its param, an empty one removes it, the rest stay.
 * A new filter shows a different list, so `page` goes back to the first unless `next` names it.
 */
export function useUrlFilters<Name extends string = string>(): [URLSearchParams, UrlFilterChange<Name>] {
  const [params, setParams] = useSearchParams();
  const change: UrlFilterChange<Name> = (next) =>
    setParams((prev) => {
      const merged = new URLSearchParams(prev);
      for (const [name, value] of Object.entries<string | undefined>(next)) {
        if (value) merged.set(name, value);
        else merged.delete(name);
      }
      if (!('page' in next)) merged.delete('page');
      return merged;
    });
  return [params, change];
}
