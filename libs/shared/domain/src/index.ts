export * from './lib/enums';
export * from './lib/records';
export * from './lib/identifiers';
