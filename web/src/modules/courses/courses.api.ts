import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as s from '../../../../server/modules/courses/courses.schema.ts';
import { api } from '../../app/api';
import type { Body, Query, Reply } from '../../app/contract';

export {
  COURSE_KINDS,
  GERMAN_LEVELS,
  MAX_CHILD_AGE,
} from '../../../../server/modules/courses/courses.terms.ts';
export type {
  AgeBand,
  CourseKind,
  CourseLevel,
  CourseTargetGroup,
  EnrolmentStatus,
  GermanLevel,
  MoveReason,
  SessionDay,
} from '../../../../server/modules/courses/courses.terms.ts';

export type Course = Reply<typeof s.courseItem>;
export type CoursesQuery = Query<typeof s.listQuery>;
export type EnrolmentInput = Body<typeof s.enrolmentBody>;
export type Enrolled = Reply<typeof s.enrolledReply>;
export type FollowState = Reply<typeof s.followReply>;
export type CourseEnrolments = Reply<typeof s.enrolmentsReply>;

const BASE = '/api/v1/courses';
const enc = encodeURIComponent;

/** The API's paths, in one place. */
export const paths = {
  courses: BASE,
  managed: `${BASE}/managed`,
  course: (id: string) => `${BASE}/${enc(id)}`,
  enrol: (id: string) => `${BASE}/${enc(id)}/enrolments`,
  enrolments: (id: string) => `${BASE}/${enc(id)}/enrolments`,
  follow: (code: string) => `${BASE}/enrolments/${enc(code)}`,
  act: (code: string, what: 'cancel' | 'accept' | 'decline' | 'others') =>
    `${BASE}/enrolments/${enc(code)}/${what}`,
} as const;

const keys = {
  list: (query: CoursesQuery) => ['courses', 'list', query] as const,
  course: (id: string) => ['courses', 'course', id] as const,
  follow: (code: string) => ['courses', 'follow', code] as const,
  managed: ['courses', 'managed'] as const,
  enrolments: (id: string) => ['courses', 'enrolments', id] as const,
};

export function useCourses(query: CoursesQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: () =>
      api<Reply<typeof s.coursesReply>>(paths.courses, {
        query: {
          page: query.page,
          per_page: query.per_page,
          kind: query.kind,
          district: query.district,
          language: query.language,
        },
      }),
  });
}

export function useCourse(id: string) {
  return useQuery({ queryKey: keys.course(id), queryFn: () => api<Course>(paths.course(id)) });
}

export function useEnrol(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EnrolmentInput) => api<Enrolled>(paths.enrol(id), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['courses'] }),
  });
}

export function useFollow(code: string) {
  return useQuery({
    queryKey: keys.follow(code),
    queryFn: () => api<FollowState>(paths.follow(code)),
    enabled: code !== '',
    retry: false,
  });
}

/** Cancel, accept, decline, or answer "keep the other waiting places?" — each answers the follow page's state. */
export function useFollowAction(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      what,
      body,
    }: {
      what: 'cancel' | 'accept' | 'decline' | 'others';
      body?: Body<typeof s.othersBody>;
    }) => api<FollowState>(paths.act(code, what), { method: 'POST', body }),
    onSuccess: (data) => client.setQueryData(keys.follow(code), data),
  });
}

export type EnrolmentChange = Body<typeof s.enrolmentChangeBody>;

/** The person changes their enrolment by its code (contact, needs, children in childcare). */
export function useChangeEnrolment(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EnrolmentChange) => api<FollowState>(paths.follow(code), { method: 'PATCH', body }),
    onSuccess: (data) => client.setQueryData(keys.follow(code), data),
  });
}

/** A provider changes a course's places; raised, the waiting list moves up (the list and moves reload). */
export function useChangeCapacity(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<typeof s.capacityBody>) =>
      api<Course>(`${BASE}/${enc(id)}/capacity`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['courses'] }),
  });
}

export function useManagedCourses() {
  return useQuery({
    queryKey: keys.managed,
    queryFn: () => api<Reply<typeof s.managedReply>>(paths.managed),
  });
}

export function useCourseEnrolments(id: string) {
  return useQuery({
    queryKey: keys.enrolments(id),
    queryFn: () => api<CourseEnrolments>(paths.enrolments(id)),
  });
}

export type Demand = Reply<typeof s.demandReply>;
export type PlannerInput = Body<typeof s.plannerBody>;
export type Plan = Reply<typeof s.plannerReply>;

export function useDemand() {
  return useQuery({ queryKey: ['courses', 'demand'], queryFn: () => api<Demand>(`${BASE}/demand`) });
}

/** Runs the planner (the coordinator's fixed and forbidden places in the body). */
export function usePlanner() {
  return useMutation({
    mutationFn: (body: PlannerInput) => api<Plan>(`${BASE}/planner`, { method: 'POST', body }),
  });
}

export type Attendance = Reply<typeof s.attendanceReply>;
export type AttendanceInput = Body<typeof s.attendanceBody>;
export type { AttendanceStatus } from '../../../../server/modules/courses/courses.terms.ts';
export { ATTENDANCE_STATUSES } from '../../../../server/modules/courses/courses.terms.ts';

export const certificateUrl = (id: string, enrolmentId: string) =>
  `${BASE}/${enc(id)}/enrolments/${enc(enrolmentId)}/certificate.pdf`;

export function useAttendance(id: string, day: string) {
  return useQuery({
    queryKey: ['courses', 'attendance', id, day],
    queryFn: () => api<Attendance>(`${BASE}/${enc(id)}/attendance`, { query: { day: day || undefined } }),
  });
}

/** Takes a day's attendance, or marks one person's completion; both answer the attendance list. */
export function useAttendanceAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      action:
        | { what: 'attendance'; body: AttendanceInput }
        | { what: 'completion'; enrolmentId: string; completed: boolean },
    ) =>
      action.what === 'attendance'
        ? api<Attendance>(`${BASE}/${enc(id)}/attendance`, { method: 'PUT', body: action.body })
        : api<Attendance>(`${BASE}/${enc(id)}/enrolments/${enc(action.enrolmentId)}/completion`, {
            method: 'PUT',
            body: { completed: action.completed },
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['courses', 'attendance', id] }),
  });
}
