import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link, RecordContextProvider, ReferenceField, TextField, useCreatePath, useListContext, useTranslate } from 'react-admin';
import { PartialDateField } from '../common/fields';
import { SourceChips } from '../common/SourceChips';

/** A person's moves in time order: when, from where to where, in which role, how sure, and the sources. */
export function MoveTimeline() {
  const { data, isPending } = useListContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (isPending || !data) return null;
  if (data.length === 0) return <Typography variant="body2">{translate('ra.navigation.no_results')}</Typography>;
  return (
    <List dense aria-label={translate('talentflow.page.timeline')}>
      {data.map((move) => (
        <RecordContextProvider key={move.id} value={move}>
          <ListItem divider alignItems="flex-start" data-testid="timeline-move">
            <Stack spacing={0.5}>
              <Typography variant="subtitle2" component="div">
                <PartialDateField source="effectiveOn" emptyText="?" />{' '}
                <Chip
                  size="small"
                  label={translate(`talentflow.status.${move.status}`)}
                  color={move.status === 'cancelled' ? 'default' : move.status === 'confirmed' ? 'success' : 'warning'}
                />
              </Typography>
              <Typography variant="body2" component="div">
                <ReferenceField source="fromOrganizationId" reference="organizations" link="show" emptyText="?" />
                {' → '}
                <ReferenceField source="toOrganizationId" reference="organizations" link="show" emptyText="?" />
                {move.role ? <>{', '}<TextField source="role" /></> : null}{' '}
                <Link to={createPath({ resource: 'moves', id: move.id, type: 'show' })}>#</Link>
              </Typography>
              <SourceChips />
            </Stack>
          </ListItem>
        </RecordContextProvider>
      ))}
    </List>
  );
}
