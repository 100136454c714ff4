export * from './lib/enums';
export * from './lib/records';
export * from './lib/identifiers';
export * from './lib/roles';
export * from './lib/imports';
