import type { Actor } from './context.ts';
import { errors } from './errors.ts';

/** A rule deciding whether an actor may do an action, optionally on a given resource. */
export type Rule = (actor: Actor, resource?: unknown) => boolean;
export type Policies = Record<string, Rule>;

const registry = new Map<string, Rule>();

/** Adds a module's policies; an action can be declared once only. */
export function registerPolicies(policies: Policies): void {
  for (const [action, rule] of Object.entries(policies)) {
    const existing = registry.get(action);
    if (existing && existing !== rule) throw new Error(`policy ${action} declared twice`);
    registry.set(action, rule);
  }
}

/** Whether the actor may do the action. Unknown actions are refused. */
export function can(actor: Actor, action: string, resource?: unknown): boolean {
  const rule = registry.get(action);
  return rule ? rule(actor, resource) : false;
}

/** The first line of every service function: throws 401 for the public, 403 for a signed-in actor without the right. */
export function authorize(ctx: { actor: Actor }, action: string, resource?: unknown): void {
  if (!registry.has(action)) throw new Error(`no policy declared for ${action}`);
  if (can(ctx.actor, action, resource)) return;
  throw ctx.actor.kind === 'public' ? errors.unauthenticated() : errors.forbidden();
}

/** Rule helpers, so policies read as sentences. */
export const anyone: Rule = () => true;
export const signedIn: Rule = (actor) => actor.kind === 'user';
export const system: Rule = (actor) => actor.kind === 'system';
export const hasRole =
  (...roles: string[]): Rule =>
  (actor) =>
    actor.kind === 'system' || roles.includes(actor.role);
