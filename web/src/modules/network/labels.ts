// Term → i18n key, written out in full (a new term without a label fails typecheck).
import type { ActivityKind, ActorKind, BookingState, Equipment, TargetGroup } from './network.api';

export const TARGET_GROUP_LABEL: Record<TargetGroup, string> = {
  children: 'directory:targetGroups.children',
  parents: 'directory:targetGroups.parents',
  women: 'directory:targetGroups.women',
  newcomers: 'directory:targetGroups.newcomers',
  eu_citizens: 'directory:targetGroups.eu_citizens',
  refugees: 'directory:targetGroups.refugees',
  youth: 'directory:targetGroups.youth',
  seniors: 'directory:targetGroups.seniors',
};

export const KIND_LABEL: Record<ActivityKind, string> = {
  event: 'network:kind.event',
  course: 'network:kind.course',
  open_meeting: 'network:kind.open_meeting',
  information_day: 'network:kind.information_day',
  festival: 'network:kind.festival',
};

export const BOOKING_STATE_LABEL: Record<BookingState, string> = {
  requested: 'network:booking.state.requested',
  confirmed: 'network:booking.state.confirmed',
  declined: 'network:booking.state.declined',
  cancelled: 'network:booking.state.cancelled',
};

export const EQUIPMENT_LABEL: Record<Equipment, string> = {
  projector: 'network:equipment.projector',
  kitchen: 'network:equipment.kitchen',
  step_free: 'network:equipment.step_free',
  childcare_corner: 'network:equipment.childcare_corner',
  sound_system: 'network:equipment.sound_system',
  whiteboard: 'network:equipment.whiteboard',
  sewing_machines: 'network:equipment.sewing_machines',
  computers: 'network:equipment.computers',
};

export const ACTOR_KIND_LABEL: Record<ActorKind, string> = {
  administration: 'network:actorKind.administration',
  provider: 'network:actorKind.provider',
  migrant_organisation: 'network:actorKind.migrant_organisation',
  association: 'network:actorKind.association',
  school: 'network:actorKind.school',
  kita: 'network:actorKind.kita',
  religious: 'network:actorKind.religious',
  initiative: 'network:actorKind.initiative',
};
