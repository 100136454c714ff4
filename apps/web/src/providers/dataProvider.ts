import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils, type Identifier, type RaRecord } from 'react-admin';

/** Fields the API computes; it refuses them as input, so forms never send them back. `version` does go back. */
const COMPUTED = ['id', 'createdAt', 'updatedAt', 'deletedAt'];

const withoutComputed = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !COMPUTED.includes(key)));

const API = '/api';
const rest = simpleRestProvider(API);

export interface TalentflowDataProvider extends DataProvider {
  /** Brings a deleted record back (admins). */
  restore(resource: string, params: { id: Identifier }): Promise<{ data: RaRecord }>;
  /** Deletes a record for good (admins). */
  purge(resource: string, params: { id: Identifier }): Promise<{ data: RaRecord }>;
  /** Merges `duplicateId` into `id` (admins; people and organizations). */
  merge(resource: string, params: { id: Identifier; duplicateId: Identifier }): Promise<{ data: RaRecord }>;
}

const send = async (url: string, method: string, body?: object) =>
  ({ data: (await fetchUtils.fetchJson(url, { method, body: body ? JSON.stringify(body) : undefined })).json as RaRecord });

/** The API speaks react-admin's simple REST dialect under /api, on the origin that serves the app. */
export const dataProvider: TalentflowDataProvider = {
  ...rest,
  create: (resource, params) => rest.create(resource, { ...params, data: withoutComputed(params.data) }),
  update: (resource, params) => rest.update(resource, { ...params, data: withoutComputed(params.data) }),
  restore: (resource, { id }) => send(`${API}/${resource}/${id}/restore`, 'POST'),
  purge: (resource, { id }) => send(`${API}/${resource}/${id}/permanent`, 'DELETE'),
  merge: (resource, { id, duplicateId }) => send(`${API}/${resource}/${id}/merge`, 'POST', { duplicateId }),
};
