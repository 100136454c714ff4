import { DatePrecision, MoveStatus, Population, RoleCategory, Sector } from './enums';
import { Role } from './roles';

/** Dates travel as ISO calendar dates, `YYYY-MM-DD`. */
export type IsoDate = string;

/** The fields a client writes; the API adds `id`, `createdAt` and `updatedAt`. */
export interface OrganizationInput {
  name: string;
  aliases?: string[];
  sector: Sector;
  country?: string | null;
  city?: string | null;
  parentId?: string | null;
  website?: string | null;
  foundedOn?: IsoDate | null;
  rorId?: string | null;
  wikidataId?: string | null;
}

export interface PersonInput {
  name: string;
  /** Other spellings of the name, e.g. kept from a merged duplicate. */
  aliases?: string[];
  orcid?: string | null;
  wikidataId?: string | null;
  googleScholarId?: string | null;
  dblpId?: string | null;
  openalexId?: string | null;
  homepage?: string | null;
  fields?: string[];
  notes?: string | null;
}

export interface SourceInput {
  url: string;
  title?: string | null;
  publisher?: string | null;
  publishedOn?: IsoDate | null;
  language?: string | null;
  excerpt?: string | null;
}

export interface MoveInput {
  personId: string;
  fromOrganizationId?: string | null;
  toOrganizationId?: string | null;
  role?: string | null;
  roleCategory: RoleCategory;
  announcedOn?: IsoDate | null;
  effectiveOn?: IsoDate | null;
  datePrecision: DatePrecision;
  status: MoveStatus;
  sourceIds?: string[];
  notes?: string | null;
}

export interface HeadcountTargetInput {
  organizationId: string;
  low: number;
  high: number;
  population: Population;
  dueBy?: IsoDate | null;
  statedOn?: IsoDate | null;
  sourceIds?: string[];
}

export interface HeadcountObservationInput {
  organizationId: string;
  observedOn: IsoDate;
  count: number;
  population: Population;
  sourceIds?: string[];
}

interface Stored {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Increases with each write; an update must name the version it was based on. */
  version: number;
  /** Set when the record was deleted (recoverably); only admins see such records. */
  deletedAt: string | null;
}

/** Records an import may create carry it. */
interface Imported {
  /** The import that created it, if one did. */
  importId: string | null;
}

export type Organization = Stored &
  Required<OrganizationInput> &
  Imported & {
    /** Its status in the Research Organization Registry, for records imported from it. */
    rorStatus: 'active' | 'inactive' | 'withdrawn' | null;
  };
export type Person = Stored & Required<PersonInput> & Imported;
export type Source = Stored & Required<SourceInput> & Imported;
export type Move = Stored & Required<MoveInput> & Imported;
export type HeadcountTarget = Stored & Required<HeadcountTargetInput> & Imported;
export type HeadcountObservation = Stored & Required<HeadcountObservationInput> & Imported;

export interface UserInput {
  email: string;
  displayName: string;
  role: Role;
  disabled?: boolean;
}

export type User = Stored & Required<UserInput>;

/** The names of the REST resources, shared by the API's routes and the web app's <Resource>s. */
export const RESOURCES = [
  'organizations',
  'people',
  'sources',
  'moves',
  'headcount-targets',
  'headcount-observations',
] as const;
export type ResourceName = (typeof RESOURCES)[number];
