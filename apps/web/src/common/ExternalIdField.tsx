import Link from '@mui/material/Link';
import { useRecordContext } from 'react-admin';

/** An identifier shown as a link to the registry that holds it: ORCID, Wikidata, ROR, Google Scholar, DBLP, OpenAlex. */
export function ExternalIdField({ source, base }: { source: string; base: string; label?: string }) {
  const record = useRecordContext();
  const id = record?.[source];
  if (!id) return <span>—</span>;
  return (
    <Link href={`${base}${id}`} target="_blank" rel="noopener noreferrer">
      {id}
    </Link>
  );
}

export const ORCID = 'https://orcid.org/';
export const WIKIDATA = 'https://www.wikidata.org/wiki/';
export const ROR = 'https://ror.org/';
export const GOOGLE_SCHOLAR = 'https://scholar.google.com/citations?user=';
export const DBLP = 'https://dblp.org/pid/';
export const OPENALEX = 'https://openalex.org/';
