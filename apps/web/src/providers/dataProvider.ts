import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils, type Identifier, type RaRecord } from 'react-admin';

/** Fields only the API writes (it ignores them in a change); forms leave them out. `version` does go back. */
const COMPUTED = ['id', 'createdAt', 'updatedAt', 'deletedAt'];

const withoutComputed = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !COMPUTED.includes(key)));

const API = '/api';
/**
 * Ids per getMany request. The API answers every id it is asked for; 100 UUIDs keep the URL far
 * below the 16 KB that Node takes in a request's headers.
 */
const IDS_PER_REQUEST = 100;
const rest = simpleRestProvider(API);

export interface TalentflowDataProvider extends DataProvider {
  /** Brings a deleted record back (admins). */
  restore(resource: string, params: { id: Identifier }): Promise<{ data: RaRecord }>;
  /** Deletes a record for good (admins). */
  purge(resource: string, params: { id: Identifier }): Promise<{ data: RaRecord }>;
  /** Merges `duplicateId` into `id` (admins; people and organizations). */
  merge(resource: string, params: { id: Identifier; duplicateId: Identifier }): Promise<{ data: RaRecord }>;
  /** Sends a file to an import (`moves`, `ror`) with its form fields: the preview (dryRun) or the import done. */
  importFile<T>(kind: string, file: File, fields: Record<string, string>): Promise<T>;
  /** How far the import sent with `progress: key` has got; null until the API has heard of it. */
  importProgress(key: string): Promise<ImportProgress | null>;
  /** One analytics endpoint's answer (`flows`, `net-flows`, `top`, `headcount`) for a query string of filters. */
  analytics<T>(endpoint: string, query: string): Promise<T>;
}

/** Where a running import stands (GET /api/imports/progress/:key). */
export interface ImportProgress {
  stage: 'reading' | 'waiting' | 'matching' | 'writing' | 'done' | 'failed';
  done: number;
  total: number;
}

const send = async (url: string, method: string, body?: object) =>
  ({ data: (await fetchUtils.fetchJson(url, { method, body: body ? JSON.stringify(body) : undefined })).json as RaRecord });

/** The API speaks react-admin's simple REST dialect under /api, on the origin that serves the app. */
export const dataProvider: TalentflowDataProvider = {
  ...rest,
  getMany: async (resource, params) => {
    const chunks = [];
    for (let i = 0; i < params.ids.length; i += IDS_PER_REQUEST) chunks.push(params.ids.slice(i, i + IDS_PER_REQUEST));
    const pages = await Promise.all(chunks.map((ids) => rest.getMany(resource, { ...params, ids })));
    return { data: pages.flatMap((page) => page.data) };
  },
  create: (resource, params) => rest.create(resource, { ...params, data: withoutComputed(params.data) }),
  update: (resource, params) => rest.update(resource, { ...params, data: withoutComputed(params.data) }),
  // One request, all or none (the API's PATCH /R), rather than one PUT per record, which needs each one's version.
  updateMany: async (resource, { ids, data }) => ({
    data: (await fetchUtils.fetchJson(`${API}/${resource}`, { method: 'PATCH', body: JSON.stringify({ ids, changes: withoutComputed(data) }) })).json,
  }),
  restore: (resource, { id }) => send(`${API}/${resource}/${id}/restore`, 'POST'),
  purge: (resource, { id }) => send(`${API}/${resource}/${id}/permanent`, 'DELETE'),
  merge: (resource, { id, duplicateId }) => send(`${API}/${resource}/${id}/merge`, 'POST', { duplicateId }),
  importFile: async <T>(kind: string, file: File, fields: Record<string, string>) => {
    const form = new FormData();
    form.append('file', file);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return (await fetchUtils.fetchJson(`${API}/imports/${kind}`, { method: 'POST', body: form })).json as T;
  },
  importProgress: async (key: string) => {
    try {
      return (await fetchUtils.fetchJson(`${API}/imports/progress/${key}`)).json as ImportProgress;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  },
  analytics: async <T>(endpoint: string, query: string) => (await fetchUtils.fetchJson(`${API}/analytics/${endpoint}?${query}`)).json as T,
};
