import { type Exporter, type FetchRelatedRecords } from 'react-admin';
import { downloadCsv } from '../common/csv-export';

/** The moves the list's filter shows, as CSV with names rather than ids. */
export const exportMoves: Exporter = async (moves, fetchRelatedRecords: FetchRelatedRecords) => {
  const [people, from, to] = await Promise.all([
    fetchRelatedRecords(moves, 'personId', 'people'),
    fetchRelatedRecords(moves, 'fromOrganizationId', 'organizations'),
    fetchRelatedRecords(moves, 'toOrganizationId', 'organizations'),
  ]);
  const rows = moves.map((move) => ({
    id: move.id,
    person: people[move.personId]?.name ?? '',
    from: from[move.fromOrganizationId]?.name ?? '',
    to: to[move.toOrganizationId]?.name ?? '',
    role: move.role ?? '',
    roleCategory: move.roleCategory,
    effectiveOn: move.effectiveOn ?? '',
    datePrecision: move.datePrecision,
    announcedOn: move.announcedOn ?? '',
    status: move.status,
    sourceIds: (move.sourceIds ?? []).join(' '),
    notes: move.notes ?? '',
  }));
  await downloadCsv(rows, 'moves');
};
