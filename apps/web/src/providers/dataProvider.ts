import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';

/** Fields the API computes; it refuses them as input, so forms never send them back. */
const COMPUTED = ['id', 'createdAt', 'updatedAt'];

const withoutComputed = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !COMPUTED.includes(key)));

const rest = simpleRestProvider('/api');

/** The API speaks react-admin's simple REST dialect under /api, on the origin that serves the app. */
export const dataProvider: DataProvider = {
  ...rest,
  create: (resource, params) => rest.create(resource, { ...params, data: withoutComputed(params.data) }),
  update: (resource, params) => rest.update(resource, { ...params, data: withoutComputed(params.data) }),
};
