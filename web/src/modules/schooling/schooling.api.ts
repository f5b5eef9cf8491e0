import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api';
import type { SchoolForm, SeatKind } from './labels';

/** Where a child stands, from intake to the first school day; a refusal puts the child back to waiting. */
export const CHILD_STATES = [
  'registered',
  'counselled',
  'assessed',
  'waiting',
  'proposed',
  'confirmed',
  'accepted',
  'attending',
] as const;
export type ChildState = (typeof CHILD_STATES)[number];

export type PlacementStatus = 'proposed' | 'confirmed' | 'accepted' | 'refused' | 'superseded';
export type AppointmentStatus = 'planned' | 'held' | 'cancelled';

/** A count of children as the figures give it: exact from 5 up, "<5" below. */
export type Count = number | '<5';

export interface AddressBody {
  street: string;
  postcode: string;
  ortsteilId?: string;
}

/** One child's intake data, as both the caseworker's and the family's form send it. */
export interface ChildFields {
  givenName: string;
  familyName: string;
  birthDate: string;
  languages: string[];
  schoolYears: number;
  lastGrade: number | null;
  literateLatin: boolean;
  arrivalDate: string;
  address: AddressBody;
  specialNeeds: string | null;
  preferredSchoolId: string | null;
}

export interface Contact {
  guardianName: string;
  email: string | null;
  phone: string | null;
  letterLanguage: string;
}

export interface ConsentsBody {
  counselling: true;
  shareWithSchool: boolean;
}

export interface RegistrationBody {
  contact: Contact;
  children: ChildFields[];
  consents: ConsentsBody;
}

export interface CreateChildBody extends ChildFields {
  familyId?: string;
  contact?: Contact;
  consents: ConsentsBody;
}

export interface ChildSummary {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  languages: string[];
  districtId: string;
  state: ChildState;
  familyId: string;
  registeredOn: string;
  source: 'caseworker' | 'public_form';
  reviewed: boolean;
  possibleDuplicateOf: string | null;
  weeksWaiting: number;
}

export interface Appointment {
  id: string;
  caseworkerId: string;
  caseworkerName: string;
  startsAt: string;
  status: AppointmentStatus;
  mediatorNeeded: boolean;
  mediatorLanguage: string | null;
  /** The mediator booked through the guides module, and where that request stands. */
  guideRequest: {
    id: string;
    state: 'open' | 'proposed' | 'confirmed' | 'done' | 'cancelled' | 'no_show';
  } | null;
}

export interface Assessment {
  grade: number;
  forms: SchoolForm[];
  kind: SeatKind;
  assessedAt: string;
}

export interface ChildPlacement {
  id: string;
  schoolId: string;
  schoolName: string;
  runId: string | null;
  status: PlacementStatus;
  refusalReason: string | null;
  startDate: string | null;
  firstSchoolDay: string | null;
  proposedAt: string;
  explanation: string | null;
}

export interface ChildRecord extends ChildSummary {
  schoolYears: number;
  lastGrade: number | null;
  literateLatin: boolean;
  arrivalDate: string;
  address: { street: string; postcode: string; ortsteilId: string; lat: number; lon: number };
  specialNeeds: string | null;
  preferredSchoolId: string | null;
  firstSchoolDay: string | null;
  waitingDays: number | null;
  family: {
    id: string;
    guardianName: string;
    email: string | null;
    phone: string | null;
    letterLanguage: string;
    siblings: { id: string; givenName: string; state: ChildState }[];
  };
  consents: { purpose: string; valid: boolean; expiresAt: string | null }[];
  mediator: { language: string; appointmentId: string; startsAt: string } | null;
  appointments: Appointment[];
  assessment: Assessment | null;
  placements: ChildPlacement[];
}

export interface SeatGroupBody {
  form: SchoolForm;
  gradeFrom: number;
  gradeTo: number;
  kind: SeatKind;
  free: number;
}

export interface SeatGroup extends SeatGroupBody {
  id: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface SchoolSeats {
  schoolId: string;
  name: string;
  districtId: string;
  address: string | null;
  groups: SeatGroup[];
  lastUpdatedAt: string | null;
  lastUpdatedBy: string | null;
}

export interface ChildExplanation {
  childId: string;
  givenName: string;
  familyName: string;
  familyId: string;
  placementId: string | null;
  placementStatus: PlacementStatus | null;
  schoolId: string | null;
  schoolName: string | null;
  km: number | null;
  reasons: string[];
  text: string;
}

export interface SeatsToClear {
  schoolId: string | null;
  schoolName: string | null;
  form: SchoolForm;
  gradeFrom: number;
  gradeTo: number;
  kind: SeatKind;
  seats: number;
}

export interface PlacementRun {
  id: string;
  runAt: string;
  objective: number;
  bound: number;
  gap: number;
  seconds: number;
  childCount: number;
  placedCount: number;
  children: ChildExplanation[];
  seatsToClear: SeatsToClear[];
}

export interface SchoolChild {
  placementId: string;
  status: PlacementStatus;
  startDate: string | null;
  firstSchoolDay: string | null;
  childId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  languages: string[];
  schoolYears: number;
  lastGrade: number | null;
  literateLatin: boolean;
  specialNeeds: string | null;
  grade: number | null;
  kind: SeatKind | null;
  guardianName: string;
  phone: string | null;
  email: string | null;
}

export interface Bucket {
  key: string;
  count: Count;
}

export interface Figures {
  asOf: string;
  waiting: {
    total: Count;
    byAgeBand: Bucket[];
    byLanguage: Bucket[];
    byDistrict: Bucket[];
    byWeeksWaiting: Bucket[];
  };
  timeToPlace: { children: Count; medianDays: number | null };
  freePlaces: { form: SchoolForm; districtId: string; kind: SeatKind; free: number }[];
  forecast: { arrivalsLast3Months: Count; byAgeBand: Bucket[]; placesNeededNext3Months: number | null };
}

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
      api<{ confirmationCode: string; children: number }>(paths.registrations, { method: 'POST', body }),
  });
}

/** The children list for caseworkers. */
export function useChildren(filter: ChildrenFilter) {
  return useQuery({
    queryKey: keys.children(filter),
    queryFn: () =>
      api<{ items: ChildSummary[]; total: number; page: number; perPage: number }>(paths.children, {
        query: {
          state: filter.state,
          district: filter.district,
          min_weeks: filter.minWeeks,
          q: filter.q,
          duplicates: filter.duplicates ? 'true' : undefined,
          page: filter.page,
          per_page: 50,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** Registers one child; siblings give the first child's family id. */
export function useCreateChild() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateChildBody) =>
      api<{ id: string; familyId: string; possibleDuplicateOf: string | null }>(paths.children, {
        method: 'POST',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** One child's whole record (the read is audited by the server). */
export function useChild(id: string) {
  return useQuery({ queryKey: keys.child(id), queryFn: () => api<ChildRecord>(paths.child(id)) });
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
  return useChildMutation((body: Partial<ChildFields> & { reviewed?: true }) =>
    api<unknown>(paths.child(id), { method: 'PATCH', body }),
  );
}

/** Books a counselling appointment, noting the mediator language when one is needed. */
export function useBookAppointment(id: string) {
  return useChildMutation((body: { startsAt: string; mediatorLanguage: string | null }) =>
    api<Appointment>(paths.appointments(id), { method: 'POST', body }),
  );
}

/** Books the mediator an appointment needs: one click, a prefilled request to the guides module. */
export function useBookMediator() {
  return useChildMutation((appointmentId: string) =>
    api<{ requestId: string; code: string }>(paths.mediatorRequest(appointmentId), { method: 'POST' }),
  );
}

/** Marks an appointment as held or cancelled. */
export function useAppointmentStatus() {
  return useChildMutation((body: { appointmentId: string; status: 'held' | 'cancelled' }) =>
    api<unknown>(paths.appointment(body.appointmentId), {
      method: 'PATCH',
      body: { status: body.status },
    }),
  );
}

/** Saves the assessment: grade, fitting forms, support class or regular class with support. */
export function useSaveAssessment(id: string) {
  return useChildMutation((body: { grade: number; forms: SchoolForm[]; kind: SeatKind }) =>
    api<unknown>(paths.assessment(id), { method: 'PUT', body }),
  );
}

/** Every school with its free places (caseworkers and coordinators). */
export function useSchools(enabled = true) {
  return useQuery({
    queryKey: keys.schools,
    queryFn: () => api<{ items: SchoolSeats[] }>(paths.schools),
    enabled,
  });
}

/** One school's places (its own staff, caseworkers, coordinators). */
export function useSeats(schoolId: string | null) {
  return useQuery({
    queryKey: keys.seats(schoolId ?? ''),
    queryFn: () => api<SchoolSeats>(paths.seats(schoolId ?? '')),
    enabled: Boolean(schoolId),
  });
}

/** Replaces a school's list of free places. */
export function useSaveSeats(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groups: SeatGroupBody[]) =>
      api<SchoolSeats>(paths.seats(schoolId), { method: 'PUT', body: { groups } }),
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
    queryFn: () =>
      api<{ items: SchoolChild[]; withoutConsent: number }>(paths.schoolChildren(schoolId ?? '')),
    enabled: Boolean(schoolId),
  });
}

/** The last placement run, or null before the first. */
export function useLatestRun() {
  return useQuery({
    queryKey: keys.latestRun,
    queryFn: async () => {
      try {
        return await api<PlacementRun>(paths.latestRun);
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
    mutationFn: () => api<PlacementRun>(paths.runs, { method: 'POST', body: {} }),
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
      api<{ confirmed: number }>(paths.confirm(body.runId), {
        method: 'POST',
        body: body.placementIds ? { placementIds: body.placementIds } : {},
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
          return api<unknown>(paths.accept(decision.placementId), {
            method: 'POST',
            body: { startDate: decision.startDate },
          });
        case 'refuse':
          return api<unknown>(paths.refuse(decision.placementId), {
            method: 'POST',
            body: { reason: decision.reason },
          });
        case 'firstDay':
          return api<unknown>(paths.firstDay(decision.placementId), {
            method: 'POST',
            body: { date: decision.date },
          });
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** The figures (aggregates only, small counts as "<5"). */
export function useFigures() {
  return useQuery({ queryKey: keys.figures, queryFn: () => api<Figures>(paths.figures) });
}

interface Point {
  lat: number;
  lon: number;
}

/** The city profile's districts and Ortsteile. */
export interface City {
  id: string;
  name: string;
  districts: { id: string; name: string; centre: Point; ortsteile: { id: string; name: string }[] }[];
}

/** The city's districts and Ortsteile (for addresses, filters and district names). */
export function useCity() {
  return useQuery({ queryKey: ['city'], queryFn: () => api<City>('/api/v1/city'), staleTime: Infinity });
}

/** Organisations (staff only): the schools among them are the ones a family may prefer. */
export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<{ items: { id: string; name: string; kind: string }[] }>('/api/v1/organisations'),
    enabled,
  });
}
