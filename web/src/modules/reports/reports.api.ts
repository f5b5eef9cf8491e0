import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as s from '../../../../server/modules/reports/reports.schema.ts';
import { api } from '../../app/api';
import type { Body, Query, Reply } from '../../app/contract';

export {
  ACTIONS,
  AFFECTED,
  CONTACT_KINDS,
  EXTREMIST_KINDS,
  GROUNDS,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  PHOTO_TYPES,
  PLACE_KINDS,
  POLICE,
  REPORT_STATUSES,
  SETTINGS,
  STAFF_SOURCES,
} from '../../../../server/modules/reports/reports.terms.ts';
export type {
  Affected,
  ContactKind,
  ExtremistKind,
  Ground,
  PlaceKind,
  Police,
  ReportAction,
  ReportStatus,
  Setting,
  Source,
} from '../../../../server/modules/reports/reports.terms.ts';

/** What the public form sends. */
export type ReportInput = Body<typeof s.reportBody>;
/** What a counsellor sends for a report taken by phone or in person. */
export type IntakeInput = Body<typeof s.staffReportBody>;
/** What the follow page shows. */
export type FollowState = Reply<typeof s.followReply>;
export type CaseItem = Reply<typeof s.caseItem>;
export type CaseDetail = Reply<typeof s.caseReply>;
export type CaseUpdate = Body<typeof s.caseUpdateBody>;
export type CasesQuery = Query<typeof s.listQuery>;
export type Statistics = Reply<typeof s.statisticsReply>;
export type Bucket = Statistics['grounds'][number];

const BASE = '/api/v1/reports';
const enc = encodeURIComponent;

/** The API's paths, in one place. */
export const paths = {
  reports: BASE,
  follow: (code: string) => `${BASE}/follow/${enc(code)}`,
  answer: (code: string) => `${BASE}/follow/${enc(code)}/messages`,
  photos: (code: string) => `${BASE}/follow/${enc(code)}/photos`,
  contact: (code: string) => `${BASE}/follow/${enc(code)}/contact`,
  photo: (id: string, photoId: string) => `${BASE}/${enc(id)}/photos/${enc(photoId)}`,
  statistics: `${BASE}/statistics`,
  statisticsCsv: (year: number, quarter?: number) =>
    `${BASE}/statistics.csv?year=${year}${quarter ? `&quarter=${quarter}` : ''}`,
  exportCsv: (year: number) => `${BASE}/export.csv?year=${year}`,
  case: (id: string) => `${BASE}/${enc(id)}`,
  notes: (id: string) => `${BASE}/${enc(id)}/notes`,
  messages: (id: string) => `${BASE}/${enc(id)}/messages`,
  merge: (id: string) => `${BASE}/${enc(id)}/merge`,
  intake: `${BASE}/intake`,
} as const;

const keys = {
  follow: (code: string) => ['reports', 'follow', code] as const,
  cases: (query: CasesQuery) => ['reports', 'cases', query] as const,
  case: (id: string) => ['reports', 'case', id] as const,
  statistics: (year: number, quarter: number | undefined) =>
    ['reports', 'statistics', year, quarter] as const,
};

/** A file's bytes as base64, as the photo route takes them. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends the public form, then its photos through the new code; answers with the follow code. A photo the server
 * refuses does not lose the report: the code is shown with the photo's error.
 */
export function useSendReport() {
  return useMutation({
    mutationFn: async ({ input, photos }: { input: ReportInput; photos: File[] }) => {
      const { code } = await api<Reply<typeof s.createdReply>>(paths.reports, {
        method: 'POST',
        body: input,
      });
      let photoError: unknown = null;
      for (const file of photos) {
        try {
          const body: Body<typeof s.photoBody> = { photo: await base64Of(file) };
          await api<Reply<typeof s.photoAddedReply>>(paths.photos(code), { method: 'POST', body });
        } catch (error) {
          photoError = error;
        }
      }
      return { code, photoError };
    },
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

export function useAnswer(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<typeof s.messageBody>) =>
      api<FollowState>(paths.answer(code), { method: 'POST', body }),
    onSuccess: (data) => client.setQueryData(keys.follow(code), data),
  });
}

/** The reporter removes the contact details they left: the consent is withdrawn and the details deleted. */
export function useRemoveContact(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<FollowState>(paths.contact(code), { method: 'DELETE' }),
    onSuccess: (data) => client.setQueryData(keys.follow(code), data),
  });
}

/** A year's statistics, or one quarter's. */
export function useStatistics(year: number, quarter?: number) {
  return useQuery({
    queryKey: keys.statistics(year, quarter),
    queryFn: () => api<Statistics>(paths.statistics, { query: { year, quarter } }),
  });
}

export function useCases(query: CasesQuery) {
  return useQuery({
    queryKey: keys.cases(query),
    queryFn: () =>
      api<Reply<typeof s.casesReply>>(paths.reports, {
        query: { page: query.page, per_page: query.per_page, status: query.status, mine: query.mine },
      }),
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: keys.case(id), queryFn: () => api<CaseDetail>(paths.case(id)) });
}

/** Triage, a note or a message: each answers with the whole case. */
export function useCaseAction(id: string) {
  const client = useQueryClient();
  const onSuccess = (data: CaseDetail) => {
    client.setQueryData(keys.case(id), data);
    void client.invalidateQueries({ queryKey: ['reports', 'cases'] });
  };
  return {
    update: useMutation({
      mutationFn: (body: CaseUpdate) => api<CaseDetail>(paths.case(id), { method: 'PATCH', body }),
      onSuccess,
    }),
    note: useMutation({
      mutationFn: (body: Body<typeof s.noteBody>) =>
        api<CaseDetail>(paths.notes(id), { method: 'POST', body }),
      onSuccess,
    }),
    message: useMutation({
      mutationFn: (body: Body<typeof s.messageBody>) =>
        api<CaseDetail>(paths.messages(id), { method: 'POST', body }),
      onSuccess,
    }),
    /** Merges this case (a duplicate) into the one it repeats; answers with that case. */
    merge: useMutation({
      mutationFn: (body: Body<typeof s.mergeBody>) =>
        api<CaseDetail>(paths.merge(id), { method: 'POST', body }),
      onSuccess: (data: CaseDetail) => {
        client.setQueryData(keys.case(data.id), data);
        void client.invalidateQueries({ queryKey: ['reports'] });
      },
    }),
  };
}

/** A report taken by phone or in person: answers with the code to read out and the new case's id. */
export function useEnterReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IntakeInput) =>
      api<Reply<typeof s.intakeReply>>(paths.intake, { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reports', 'cases'] }),
  });
}
