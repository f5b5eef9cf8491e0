// Term → i18n key, written out in full (a new term without a label fails typecheck).
import type {
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
} from './reports.api';

export const SETTING_LABEL: Record<Setting, string> = {
  authority: 'reports:setting.authority',
  police: 'reports:setting.police',
  housing: 'reports:setting.housing',
  work: 'reports:setting.work',
  education: 'reports:setting.education',
  health: 'reports:setting.health',
  services: 'reports:setting.services',
  public_space: 'reports:setting.public_space',
  transport: 'reports:setting.transport',
  online: 'reports:setting.online',
  neighbourhood: 'reports:setting.neighbourhood',
};

/** A pictogram per setting (decorative: the label says it). */
export const SETTING_ICON: Record<Setting, string> = {
  authority: '🏛️',
  police: '👮',
  housing: '🏠',
  work: '💼',
  education: '🏫',
  health: '🏥',
  services: '🛒',
  public_space: '🌳',
  transport: '🚌',
  online: '💻',
  neighbourhood: '🏘️',
};

export const GROUND_LABEL: Record<Ground, string> = {
  racism: 'reports:ground.racism',
  antisemitism: 'reports:ground.antisemitism',
  antiziganism: 'reports:ground.antiziganism',
  religion: 'reports:ground.religion',
  gender: 'reports:ground.gender',
  sexual_identity: 'reports:ground.sexual_identity',
  disability: 'reports:ground.disability',
  age: 'reports:ground.age',
  social_status: 'reports:ground.social_status',
  language: 'reports:ground.language',
  residence_status: 'reports:ground.residence_status',
  other: 'reports:ground.other',
};

export const EXTREMIST_LABEL: Record<ExtremistKind, string> = {
  symbols: 'reports:extremist.symbols',
  propaganda: 'reports:extremist.propaganda',
  attack: 'reports:extremist.attack',
};

export const AFFECTED_LABEL: Record<Affected, string> = {
  me: 'reports:affected.me',
  someone_else: 'reports:affected.someone_else',
  group: 'reports:affected.group',
};

export const POLICE_LABEL: Record<Police, string> = {
  yes: 'reports:police.yes',
  no: 'reports:police.no',
  unknown: 'reports:police.unknown',
};

export const PLACE_LABEL: Record<PlaceKind, string> = {
  ortsteil: 'reports:place.ortsteil',
  online: 'reports:place.online',
  outside: 'reports:place.outside',
};

export const STATUS_LABEL: Record<ReportStatus, string> = {
  new: 'reports:status.new',
  counselling: 'reports:status.counselling',
  documented: 'reports:status.documented',
  referred: 'reports:status.referred',
  closed: 'reports:status.closed',
};

export const STATUS_TEXT: Record<ReportStatus, string> = {
  new: 'reports:follow.text.new',
  counselling: 'reports:follow.text.counselling',
  documented: 'reports:follow.text.documented',
  referred: 'reports:follow.text.referred',
  closed: 'reports:follow.text.closed',
};

export const ACTION_LABEL: Record<ReportAction, string> = {
  counselling: 'reports:action.counselling',
  letter: 'reports:action.letter',
  mediation: 'reports:action.mediation',
  referral: 'reports:action.referral',
  statement: 'reports:action.statement',
};

export const CONTACT_LABEL: Record<ContactKind, string> = {
  phone: 'reports:contact.phone',
  email: 'reports:contact.email',
};

export const SOURCE_LABEL: Record<Source, string> = {
  online: 'reports:source.online',
  phone: 'reports:source.phone',
  in_person: 'reports:source.in_person',
};
