import { getFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';

/**
 * The fetch client of the plugin's queries and mutations. Not `useFetchClient()`: that one aborts
 * its requests when the calling component unmounts, but a react-query request is shared by every
 * component showing the same data (the menu count, the dashboard, the widget), so one component
 * leaving would fail it for all of them with an AbortError. react-query manages the requests' life.
 */
export const useQueryFetchClient = () => useMemo(() => getFetchClient(), []);
