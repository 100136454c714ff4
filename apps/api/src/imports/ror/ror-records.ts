import { Sector } from '@talentflow/domain';
import { gunzipSync } from 'node:zlib';
import { invalid } from '../../common/api-errors';
import type { RelationType } from '../../organizations/organization-relation.entity';

/** The part of a ROR schema v2 record that Talentflow reads. */
interface RorV2Record {
  id: string;
  status: 'active' | 'inactive' | 'withdrawn';
  types: string[];
  names: { value: string; types: string[]; lang: string | null }[];
  locations?: { geonames_details?: { country_code?: string; name?: string } }[];
  links?: { type: string; value: string }[];
  established?: number | null;
  external_ids?: { type: string; all: string[]; preferred: string | null }[];
  relationships?: { type: string; id: string; label: string }[];
  admin?: { last_modified?: { schema_version?: string } };
}

/**
 * How ROR's organisation types become Talentflow's sectors, the first type of a record in this
 * order deciding. A registry does not know a big tech from a startup or a private lab: companies
 * come in as `company`, and an editor refines the sector; an import never changes a sector it finds.
 * An import may pass its own mapping for any of these types.
 */
export const ROR_SECTORS: Record<string, Sector> = {
  company: Sector.Company,
  education: Sector.University,
  facility: Sector.PublicResearch,
  government: Sector.Government,
  healthcare: Sector.PublicResearch,
  funder: Sector.Government,
  nonprofit: Sector.Nonprofit,
  archive: Sector.Nonprofit,
  other: Sector.Nonprofit,
};

/** One registry record as the organisation fields it gives, with its links by ROR id. */
export interface RorOrganization {
  rorId: string;
  name: string;
  /** Its other labels, aliases and acronyms. */
  aliases: string[];
  sector: Sector;
  country: string | null;
  city: string | null;
  website: string | null;
  foundedOn: string | null;
  wikidataId: string | null;
  rorStatus: 'active' | 'inactive' | 'withdrawn';
  /** Its links as the record states them, by the other end's short ROR id. */
  relations: { type: RelationType; rorId: string }[];
}

/** The largest file taken, and the largest it may grow to once unzipped. */
export const ROR_FILE_LIMIT_BYTES = 100 * 1024 * 1024;
const UNZIPPED_LIMIT_BYTES = 400 * 1024 * 1024;

const shortId = (id: string) => id.replace(/^https?:\/\/ror\.org\//, '');

/**
 * The records of a ROR data dump (schema v2, JSON, optionally gzipped), each checked for the fields
 * Talentflow needs; a file in schema v1, or not a dump at all, gets a 400 that says so.
 */
export function parseRorDump(file: Buffer, sectors: Record<string, Sector> = ROR_SECTORS): RorOrganization[] {
  const text = (file[0] === 0x1f && file[1] === 0x8b ? unzip(file) : file).toString('utf8').replace(/^\uFEFF/, '');
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch {
    throw invalid({ file: 'is not JSON: a ROR data dump is a JSON array of records' });
  }
  if (!Array.isArray(records)) throw invalid({ file: 'must be a JSON array of ROR records' });
  return records.map((record, index) => {
    if (isSchemaV1(record)) {
      throw invalid({
        file: `is in ROR schema v1 (record ${index + 1}); Talentflow reads schema v2 dumps (the *_schema_v2.json file of a ROR release)`,
      });
    }
    if (!isRorV2(record)) throw invalid({ file: `record ${index + 1} is not a ROR schema v2 record (it needs id, names, types and status)` });
    return toOrganization(record, sectors);
  });
}

function unzip(file: Buffer): Buffer {
  try {
    return gunzipSync(file, { maxOutputLength: UNZIPPED_LIMIT_BYTES });
  } catch {
    throw invalid({ file: `could not be unzipped, or is larger than ${UNZIPPED_LIMIT_BYTES / 1024 / 1024} MB once unzipped` });
  }
}

function isSchemaV1(record: unknown): boolean {
  const r = record as Record<string, unknown> | null;
  return typeof r?.name === 'string' && !Array.isArray(r.names);
}

function isRorV2(record: unknown): record is RorV2Record {
  const r = record as Partial<RorV2Record> | null;
  return (
    typeof r?.id === 'string' &&
    /^https:\/\/ror\.org\/0[a-z0-9]{6}[0-9]{2}$/.test(r.id) &&
    Array.isArray(r.names) &&
    r.names.some((n) => n.types?.includes('ror_display')) &&
    Array.isArray(r.types) &&
    ['active', 'inactive', 'withdrawn'].includes(r.status as string)
  );
}

function toOrganization(record: RorV2Record, sectors: Record<string, Sector>): RorOrganization {
  const name = (record.names.find((n) => n.types.includes('ror_display'))?.value ?? '').trim(); // checked by isRorV2
  const aliases = [...new Set(record.names.map((n) => n.value.trim()).filter((value) => value && value !== name))];
  const type = Object.keys(ROR_SECTORS).find((t) => record.types.includes(t));
  const place = record.locations?.[0]?.geonames_details;
  const wikidata = record.external_ids?.find((e) => e.type === 'wikidata');
  return {
    rorId: shortId(record.id),
    name,
    aliases: aliases.slice(0, 50),
    sector: (type && sectors[type]) || Sector.Nonprofit,
    country: place?.country_code && /^[A-Z]{2}$/.test(place.country_code) ? place.country_code : null,
    city: place?.name?.trim() || null,
    website: record.links?.find((l) => l.type === 'website' && /^https?:\/\//.test(l.value))?.value ?? null,
    foundedOn: record.established && record.established > 0 && record.established < 10000 ? `${String(record.established).padStart(4, '0')}-01-01` : null,
    wikidataId: wikidata?.preferred ?? wikidata?.all[0] ?? null,
    rorStatus: record.status,
    relations: (record.relationships ?? [])
      .filter((r) => ['parent', 'child', 'related', 'successor', 'predecessor'].includes(r.type))
      .map((r) => ({ type: r.type as RelationType, rorId: shortId(r.id) })),
  };
}
