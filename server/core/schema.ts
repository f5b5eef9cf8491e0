// Every table of every module, for Drizzle's typed queries and for drizzle-kit.
export * from './core.tables.ts';
export * from '../modules/platform/platform.tables.ts';
export * from '../modules/directory/directory.tables.ts';
export * from '../modules/guides/guides.tables.ts';
export * from '../modules/guides/after/after.tables.ts';
export * from '../modules/schooling/schooling.tables.ts';
