import simpleRestProvider from 'ra-data-simple-rest';

/** The API speaks react-admin's simple REST dialect under /api, on the same origin that serves the app. */
export const dataProvider = simpleRestProvider('/api');
