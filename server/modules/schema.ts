// Every table of every module, for Drizzle's typed queries and for drizzle-kit.
export * from '../core/core.tables.ts';
export * from './platform/platform.tables.ts';
export * from './directory/directory.tables.ts';
export * from './guides/guides.tables.ts';
export * from './guides/after/after.tables.ts';
export * from './schooling/schooling.tables.ts';
export * from './reports/reports.tables.ts';
export * from './pages/pages.tables.ts';
export * from './network/network.tables.ts';
export * from './courses/courses.tables.ts';
export * from './counselling/counselling.tables.ts';
export * from './funding/funding.tables.ts';
