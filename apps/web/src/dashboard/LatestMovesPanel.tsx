import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import { RecordContextProvider, ReferenceField, useGetList } from 'react-admin';
import { PartialDateField } from '../common/fields';
import { type DashboardFilters, movesFilter } from './filters';
import { Panel } from './Panel';

/** The latest moves the filters let through. */
export function LatestMovesPanel({ filters }: { filters: DashboardFilters }) {
  // The moves list filters by one organisation (either side); the first one chosen here.
  const filter = movesFilter(filters, { organizationId: filters.organizationIds[0] });
  const answer = useGetList('moves', { filter, sort: { field: 'effectiveOn', order: 'DESC' }, pagination: { page: 1, perPage: 10 } });
  const data = answer.data ?? [];
  return (
    <Panel title="talentflow.dashboard.latestMoves" rows={data} name="latest-moves" chart={false} data={{ ...answer, isEmpty: data.length === 0 }}>
      <List dense>
        {data.map((move) => (
          <RecordContextProvider key={move.id} value={move}>
            <ListItem divider>
              <span>
                <PartialDateField source="effectiveOn" /> · <ReferenceField source="personId" reference="people" link="show" />:{' '}
                <ReferenceField source="fromOrganizationId" reference="organizations" link="show" emptyText="?" /> →{' '}
                <ReferenceField source="toOrganizationId" reference="organizations" link="show" emptyText="?" />
              </span>
            </ListItem>
          </RecordContextProvider>
        ))}
      </List>
    </Panel>
  );
}
