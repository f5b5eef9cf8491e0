import { type Column, eq, type SQL } from 'drizzle-orm';
import type { Actor } from './context.ts';
import { errors } from './errors.ts';
import { type StaffScope, staffScope } from './roles.ts';

/**
 * Which organisation-owned rows a list may return: every organisation's, or one organisation's. A list's policy
 * returns it, and the repository's list function takes it as a required parameter (see scopeWhere).
 */
export type Scope = { all: true } | { organisationId: string };
/** Every organisation's rows (coordinators, admins, the system). */
export const ALL: Scope = { all: true };

/**
 * A rule decides one action: a check answers yes or no for an actor and the resource it declares (a second
 * parameter, with its type, or none); a list rule answers with the actor's Scope, or null for no.
 */
export type Check<R = never> = (actor: Actor, resource: R) => boolean;
export type ScopeRule<R = never> = (actor: Actor, resource: R) => Scope | null;
/** A module's rules by action; write `{ … } satisfies Policies` so each rule keeps its own types. */
export type Policies = Record<string, Check | ScopeRule>;

/**
 * Every action of every module with its rule. Each policy file adds its own by declaration merging:
 *
 *   declare module '../../core/policy.ts' { interface PolicyRules extends GuidesRules {} }
 *
 * so `authorize(ctx, 'guides.requests.read', request)` is checked against the rule's resource type.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface PolicyRules {}

export type Action = keyof PolicyRules & string;
/** What the call passes after the action: the rule's resource, or nothing when the rule takes none. */
type ResourceArgs<A extends Action> = PolicyRules[A] extends (actor: Actor, ...rest: infer R) => unknown
  ? R
  : never;
/** Actions answered yes or no (authorize), and actions answered with a scope (scopeOf). */
export type CheckAction = {
  [A in Action]: PolicyRules[A] extends (...args: never[]) => boolean ? A : never;
}[Action];
export type ListAction = Exclude<Action, CheckAction>;

type AnyRule = (actor: Actor, resource?: unknown) => boolean | Scope | null;
const registry = new Map<string, AnyRule>();

/** Adds a module's policies; an action can be declared once only. */
export function registerPolicies(policies: Policies): void {
  for (const [action, rule] of Object.entries(policies)) {
    const existing = registry.get(action);
    if (existing && existing !== rule) throw new Error(`policy ${action} declared twice`);
    // The types of the rule's resource were checked at the call site (authorize, can, scopeOf).
    registry.set(action, rule as AnyRule);
  }
}

function decide(actor: Actor, action: string, resource: unknown): boolean | Scope | null {
  const rule = registry.get(action);
  if (!rule) throw new Error(`no policy declared for ${action}`);
  return rule(actor, resource);
}

function refuse(actor: Actor): never {
  throw actor.kind === 'public' ? errors.unauthenticated() : errors.forbidden();
}

/** Whether the actor may do the action (for a list: see any rows). Unknown actions are refused. */
export function can<A extends Action>(actor: Actor, action: A, ...resource: ResourceArgs<A>): boolean {
  if (!registry.has(action)) return false;
  return !!decide(actor, action, resource[0]);
}

/** The first line of every service function: throws 401 for the public, 403 for a signed-in actor without the right. */
export function authorize<A extends CheckAction>(
  ctx: { actor: Actor },
  action: A,
  ...resource: ResourceArgs<A>
): void {
  if (decide(ctx.actor, action, resource[0]) !== true) refuse(ctx.actor);
}

/**
 * The first line of a list's service function: the rows the actor may see, for the repository's list function.
 * Throws like authorize when the actor may see none.
 */
export function scopeOf<A extends ListAction>(
  ctx: { actor: Actor },
  action: A,
  ...resource: ResourceArgs<A>
): Scope {
  const scope = decide(ctx.actor, action, resource[0]);
  if (!scope || scope === true) return refuse(ctx.actor);
  return scope;
}

/** The where-clause of a scope on a table's organisation column (nothing for ALL); `and()` takes it as it is. */
export function scopeWhere(scope: Scope, organisationColumn: Column): SQL | undefined {
  return 'organisationId' in scope ? eq(organisationColumn, scope.organisationId) : undefined;
}

/**
 * Whether the actor holds one of the roles with its general rights: scoped staff (an advice centre's caseworkers,
 * roles.ts) hold their role for their scope's work only, so a role list never lets them in.
 */
const holdsRole = (actor: Actor, roles: Actor['role'][]) =>
  roles.includes(actor.role) && staffScope(actor.role, actor.organisationKind) === null;

/** Rule helpers, so policies read as sentences. */
export const anyone = (_actor: Actor) => true;
export const signedIn = (actor: Actor) => actor.kind === 'user';
export const system = (actor: Actor) => actor.kind === 'system';
export const hasRole =
  (...roles: Actor['role'][]) =>
  (actor: Actor) =>
    actor.kind === 'system' || holdsRole(actor, roles);
/** Staff with the scope (e.g. `reports`: an advice centre's caseworkers), or the system. */
export const inScope = (scope: StaffScope) => (actor: Actor) =>
  actor.kind === 'system' ||
  (actor.kind === 'user' && staffScope(actor.role, actor.organisationKind) === scope);
/** Staff in one of the roles, of the given organisation. */
export const ofOrganisation = (
  actor: Actor,
  roles: Actor['role'][],
  organisationId: string | null | undefined,
) =>
  actor.kind === 'user' &&
  holdsRole(actor, roles) &&
  !!organisationId &&
  actor.organisationId === organisationId;
/** The scope of staff in one of the roles: their own organisation's rows; null for anyone else. */
export const ownOrganisation = (actor: Actor, roles: Actor['role'][]): Scope | null =>
  actor.kind === 'user' && holdsRole(actor, roles) && actor.organisationId
    ? { organisationId: actor.organisationId }
    : null;
