import Chip from '@mui/material/Chip';
import { ReferenceArrayField, SingleFieldList, useRecordContext } from 'react-admin';

function SourceChip() {
  const source = useRecordContext<{ id: string; title?: string | null; url: string }>();
  if (!source) return null;
  return <Chip size="small" label={source.title || source.url} component="span" clickable />;
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
