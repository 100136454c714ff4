import Chip from '@mui/material/Chip';
import { ReferenceArrayField, SingleFieldList, useRecordContext } from 'react-admin';

function SourceChip() {
  const source = useRecordContext<{ id: string; title?: string | null; url: string }>();
  if (!source) return null;
  // A long title wraps rather than widening the page.
  return (
    <Chip
      size="small"
      label={source.title || source.url}
      component="span"
      clickable
      sx={{ height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'anywhere', py: 0.25 } }}
    />
  );
}

/** The sources a record cites, each linking to its page. */
export function SourceChips({ source = 'sourceIds' }: { source?: string; label?: string }) {
  return (
    <ReferenceArrayField source={source} reference="sources">
      <SingleFieldList linkType="show">
        <SourceChip />
      </SingleFieldList>
    </ReferenceArrayField>
  );
}
