import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CitySection, RetentionRule } from './city.ts';
import type { AppServices, Ctx } from './context.ts';
import type { JobDefinition } from './jobs.ts';
import type { Policies } from './policy.ts';

/** Deletes or anonymises what a retention rule says is due; returns how many records it touched. */
export type RetentionHandler = (ctx: Ctx, rule: RetentionRule) => Promise<number>;

/** What a module holds about one person, for export and erasure on request. */
export type PersonalData = {
  export(ctx: Ctx, userId: string): Promise<Record<string, unknown>>;
  erase(ctx: Ctx, userId: string): Promise<void>;
};

/** One manifest per module: everything the app needs to know about it. */
export type ModuleManifest = {
  name: string;
  /** The module's section of the city profile (its zod schema), checked when the app is built. */
  settings?: CitySection<unknown>;
  policies: Policies;
  /** Routes, registered under /api/v1. */
  routes: FastifyPluginAsyncZod<{ services: AppServices }>;
  /** Routes under another prefix, for open standards with their own paths (e.g. /api/hsds). */
  extraRoutes?: { prefix: string; routes: FastifyPluginAsyncZod<{ services: AppServices }> }[];
  jobs?: JobDefinition[];
  /** One handler per retention rule key of the city profile (e.g. "platform.sessions"). */
  retention?: Record<string, RetentionHandler>;
  /** Reference data loaded at every start (idempotent). */
  seedBase?: (ctx: Ctx) => Promise<void>;
  /** Demo data loaded once, on the first start in demo mode. */
  seedDemo?: (ctx: Ctx) => Promise<void>;
  personalData?: PersonalData;
  /** Whether the module can serve (e.g. its search index is built); /ready answers 503 until then. */
  ready?: (services: AppServices) => boolean;
};
