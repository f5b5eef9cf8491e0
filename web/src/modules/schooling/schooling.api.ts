import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as s from '../../../../server/modules/schooling/schooling.schema.ts';
import type { ChildState } from '../../../../server/modules/schooling/schooling.terms.ts';
import type * as platform from '../../../../server/modules/platform/platform.schema.ts';
import { ApiError, api } from '../../app/api';
import type { Body, Query, Reply } from '../../app/contract';

export {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  CHILD_STATES,
  type ChildState,
  type PlacementStatus,
} from '../../../../server/modules/schooling/schooling.terms.ts';

/** A count of children as the figures give it: exact from 5 up, "<5" below. */
export type Count = Reply<typeof s.suppressedCount>;

export type RegistrationBody = Body<typeof s.registrationBody>;
/** One child's intake data, as both the caseworker's and the family's form send it. */
export type ChildFields = RegistrationBody['children'][number];
export type Contact = RegistrationBody['contact'];
export type ConsentsBody = RegistrationBody['consents'];
export type CreateChildBody = Body<typeof s.createChildBody>;
export type ChildSummary = Reply<typeof s.childSummary>;
export type ChildRecord = Reply<typeof s.childRecord>;
export type Appointment = Reply<typeof s.appointmentReply>;
export type Assessment = Reply<typeof s.assessmentReply>;
export type ChildPlacement = ChildRecord['placements'][number];
export type SeatGroupBody = Body<typeof s.seatsBody>['groups'][number];
export type SchoolSeats = Reply<typeof s.schoolSeats>;
export type SeatGroup = SchoolSeats['groups'][number];
export type PlacementRun = Reply<typeof s.runReply>;
export type ChildExplanation = PlacementRun['children'][number];
export type SeatsToClear = PlacementRun['seatsToClear'][number];
export type SchoolChild = Reply<typeof s.schoolChild>;
export type Figures = Reply<typeof s.figuresReply>;
export type Bucket = Figures['waiting']['byAgeBand'][number];
/** Filters of the children list; empty means any. */
export interface ChildrenFilter {
  state: '' | ChildState;
  district: string;
  minWeeks: string;
  q: string;
  duplicates: boolean;
  page: number;
}

const BASE = '/api/v1/schooling';
const enc = encodeURIComponent;

/** The API's paths, in one place. */
export const paths = {
  registrations: `${BASE}/registrations`,
  children: `${BASE}/children`,
  child: (id: string) => `${BASE}/children/${enc(id)}`,
  appointments: (id: string) => `${BASE}/children/${enc(id)}/appointments`,
  appointment: (id: string) => `${BASE}/appointments/${enc(id)}`,
  mediatorRequest: (id: string) => `${BASE}/appointments/${enc(id)}/mediator-request`,
  assessment: (id: string) => `${BASE}/children/${enc(id)}/assessment`,
  schools: `${BASE}/schools`,
  seats: (schoolId: string) => `${BASE}/schools/${enc(schoolId)}/seats`,
  schoolChildren: (schoolId: string) => `${BASE}/schools/${enc(schoolId)}/children`,
  runs: `${BASE}/placement-runs`,
  latestRun: `${BASE}/placement-runs/latest`,
  confirm: (runId: string) => `${BASE}/placement-runs/${enc(runId)}/confirm`,
  accept: (id: string) => `${BASE}/placements/${enc(id)}/accept`,
  refuse: (id: string) => `${BASE}/placements/${enc(id)}/refuse`,
  firstDay: (id: string) => `${BASE}/placements/${enc(id)}/first-day`,
  letter: (id: string, lang?: string) =>
    `${BASE}/placements/${enc(id)}/letter.pdf${lang ? `?lang=${enc(lang)}` : ''}`,
  figures: `${BASE}/figures`,
  figuresCsv: `${BASE}/figures.csv`,
} as const;

const keys = {
  all: ['schooling'] as const,
  children: (filter: ChildrenFilter) => ['schooling', 'children', filter] as const,
  child: (id: string) => ['schooling', 'child', id] as const,
  schools: ['schooling', 'schools'] as const,
  seats: (schoolId: string) => ['schooling', 'seats', schoolId] as const,
  schoolChildren: (schoolId: string) => ['schooling', 'school-children', schoolId] as const,
  latestRun: ['schooling', 'run'] as const,
  figures: ['schooling', 'figures'] as const,
};

/** The family's own registration (public form); answers a confirmation code. */
export function useRegister() {
  return useMutation({
    mutationFn: (body: RegistrationBody) =>
      api<Reply<typeof s.registrationReply>>(paths.registrations, { method: 'POST', body }),
  });
}

/** The children list for caseworkers. */
export function useChildren(filter: ChildrenFilter) {
  return useQuery({
    queryKey: keys.children(filter),
    queryFn: () =>
      api<Reply<typeof s.childrenReply>>(paths.children, {
        query: {
          state: filter.state || undefined,
          district: filter.district,
          min_weeks: filter.minWeeks,
          q: filter.q,
          duplicates: filter.duplicates ? 'true' : undefined,
          page: filter.page,
          per_page: 50,
        } satisfies Query<typeof s.childrenQuery>,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Registers one child; siblings give the first child's family id. */
export function useCreateChild() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateChildBody) =>
      api<Reply<typeof s.createdChildReply>>(paths.children, {
        method: 'POST',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** One child's whole record (the read is audited by the server). */
export function useChild(id: string) {
  return useQuery({
    queryKey: keys.child(id),
    queryFn: () => api<Reply<typeof s.childRecord>>(paths.child(id)),
  });
}

/** A change to a child's record; everything cached about children is fetched again afterwards. */
function useChildMutation<T>(mutationFn: (body: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Marks a registration from the public form as reviewed, or changes intake data. */
export function useUpdateChild(id: string) {
  return useChildMutation((body: Body<typeof s.updateChildBody>) =>
    api<Reply<typeof s.childRecord>>(paths.child(id), { method: 'PATCH', body }),
  );
}

/** Books a counselling appointment, noting the mediator language when one is needed. */
export function useBookAppointment(id: string) {
  return useChildMutation((body: Body<typeof s.appointmentBody>) =>
    api<Reply<typeof s.appointmentReply>>(paths.appointments(id), { method: 'POST', body }),
  );
}

/** Books the mediator an appointment needs: one click, a prefilled request to the guides module. */
export function useBookMediator() {
  return useChildMutation((appointmentId: string) =>
    api<Reply<typeof s.mediatorRequestReply>>(paths.mediatorRequest(appointmentId), { method: 'POST' }),
  );
}

/** Marks an appointment as held or cancelled. */
export function useAppointmentStatus() {
  return useChildMutation((body: Body<typeof s.appointmentStatusBody> & { appointmentId: string }) =>
    api<Reply<typeof s.appointmentReply>>(paths.appointment(body.appointmentId), {
      method: 'PATCH',
      body: { status: body.status } satisfies Body<typeof s.appointmentStatusBody>,
    }),
  );
}

/** Saves the assessment: grade, fitting forms, support class or regular class with support. */
export function useSaveAssessment(id: string) {
  return useChildMutation((body: Body<typeof s.assessmentBody>) =>
    api<Reply<typeof s.assessmentReply>>(paths.assessment(id), { method: 'PUT', body }),
  );
}

/** Every school with its free places (caseworkers and coordinators). */
export function useSchools(enabled = true) {
  return useQuery({
    queryKey: keys.schools,
    queryFn: () => api<Reply<typeof s.schoolsReply>>(paths.schools),
    enabled,
  });
}

/** One school's places (its own staff, caseworkers, coordinators). */
export function useSeats(schoolId: string | null) {
  return useQuery({
    queryKey: keys.seats(schoolId ?? ''),
    queryFn: () => api<Reply<typeof s.schoolSeats>>(paths.seats(schoolId ?? '')),
    enabled: Boolean(schoolId),
  });
}

/** Replaces a school's list of free places. */
export function useSaveSeats(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groups: SeatGroupBody[]) =>
      api<Reply<typeof s.schoolSeats>>(paths.seats(schoolId), {
        method: 'PUT',
        body: { groups } satisfies Body<typeof s.seatsBody>,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(keys.seats(schoolId), data);
      return queryClient.invalidateQueries({ queryKey: keys.schools });
    },
  });
}

/** Children proposed to a school (only those whose family consented to sharing). */
export function useSchoolChildren(schoolId: string | null) {
  return useQuery({
    queryKey: keys.schoolChildren(schoolId ?? ''),
    queryFn: () => api<Reply<typeof s.schoolChildrenReply>>(paths.schoolChildren(schoolId ?? '')),
    enabled: Boolean(schoolId),
  });
}

/** The last placement run, or null before the first. */
export function useLatestRun() {
  return useQuery({
    queryKey: keys.latestRun,
    queryFn: async () => {
      try {
        return await api<Reply<typeof s.runReply>>(paths.latestRun);
      } catch (error) {
        // No run yet.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Runs the placement over every waiting child. */
export function useRunPlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Reply<typeof s.runReply>>(paths.runs, { method: 'POST', body: {} }),
    onSuccess: async (run) => {
      await queryClient.invalidateQueries({ queryKey: keys.all });
      queryClient.setQueryData(keys.latestRun, run);
    },
  });
}

/** Confirms the run's proposals (all, or the given ones); the schools see them next. */
export function useConfirmRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { runId: string; placementIds?: string[] }) =>
      api<Reply<typeof s.confirmReply>>(paths.confirm(body.runId), {
        method: 'POST',
        body: (body.placementIds ? { placementIds: body.placementIds } : {}) satisfies Body<
          typeof s.confirmBody
        >,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

type Decision =
  | { placementId: string; action: 'accept'; startDate: string }
  | { placementId: string; action: 'refuse'; reason: string }
  | { placementId: string; action: 'firstDay'; date: string };

/** A school's answer to a proposal, or the first school day (school or caseworker). */
export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) => {
      switch (decision.action) {
        case 'accept':
          return api<Reply<typeof s.placementReply>>(paths.accept(decision.placementId), {
            method: 'POST',
            body: { startDate: decision.startDate } satisfies Body<typeof s.acceptBody>,
          });
        case 'refuse':
          return api<Reply<typeof s.placementReply>>(paths.refuse(decision.placementId), {
            method: 'POST',
            body: { reason: decision.reason } satisfies Body<typeof s.refuseBody>,
          });
        case 'firstDay':
          return api<Reply<typeof s.placementReply>>(paths.firstDay(decision.placementId), {
            method: 'POST',
            body: { date: decision.date } satisfies Body<typeof s.firstDayBody>,
          });
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** The figures (aggregates only, small counts as "<5"). */
export function useFigures() {
  return useQuery({
    queryKey: keys.figures,
    queryFn: () => api<Reply<typeof s.figuresReply>>(paths.figures),
  });
}

/** Organisations (staff only): the schools among them are the ones a family may prefer. */
export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<Reply<typeof platform.organisationsReply>>('/api/v1/organisations'),
    enabled,
  });
}
