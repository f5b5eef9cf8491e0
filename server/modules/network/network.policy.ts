import type { Actor } from '../../core/context.ts';
import { ALL, anyone, ofOrganisation, ownOrganisation, type Policies } from '../../core/policy.ts';

/** Staff roles of the network's organisations (an actor's own staff). */
const STAFF: Actor['role'][] = ['institution', 'association', 'caseworker', 'coordinator'];
/** The KI's coordinators (and admins): approve actors, see and edit every entry. */
const coordinators = (actor: Actor) =>
  actor.kind === 'system' || actor.role === 'coordinator' || actor.role === 'admin';
/** Everyone who works in the network: staff of an organisation, and the coordinators. */
const members = (actor: Actor) => coordinators(actor) || ownOrganisation(actor, STAFF) !== null;
/** An actor's entry (and its activities, bookings): its own staff, or the coordinators. */
const ownEntry = (actor: Actor, entry: { organisationId: string }) =>
  coordinators(actor) || ofOrganisation(actor, STAFF, entry.organisationId);
/** The house that runs the rooms: its staff, or the coordinators. */
const houseStaff = (actor: Actor, house: { organisationId: string }) =>
  coordinators(actor) || ofOrganisation(actor, STAFF, house.organisationId);

/** Who may do what in the network module. */
export const networkPolicies = {
  /** The register (with contact persons who agreed to be listed internally): everyone in the network. */
  'network.register.read': members,
  'network.actors.create': members,
  'network.actor.write': ownEntry,
  'network.actors.approve': coordinators,
  /** The overlap check answers for any planned activity: it names other actors' activities, no people. */
  'network.activities.check': members,
  'network.activity.write': ownEntry,
  /** An actor's own iCal feed (its URL, how the last fetch went): its own staff, or the coordinators. */
  'network.feed': ownEntry,
  /** Activities (internal ones too): the coordinators all, staff their own actor's. */
  'network.activities.list': (actor: Actor) => (coordinators(actor) ? ALL : ownOrganisation(actor, STAFF)),
  /** The gaps view (counts per Ortsteil and week, no names): everyone in the network. */
  'network.gaps': members,
  /** The module's figures for the masterplan (aggregated): the KI's coordinators. */
  'network.figures': coordinators,
  /** The public calendar, its iCalendar feeds, the rooms and the house's programme. */
  'network.calendar': anyone,
  'network.rooms.book': ownEntry,
  /** Bookings: the house staff and coordinators all, an actor's staff their own. */
  'network.bookings.list': (actor: Actor, house: { organisationId: string }) =>
    houseStaff(actor, house) ? ALL : ownOrganisation(actor, STAFF),
  'network.bookings.decide': houseStaff,
  'network.bookings.cancel': ownEntry,
} satisfies Policies;

type NetworkRules = typeof networkPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends NetworkRules {}
}
