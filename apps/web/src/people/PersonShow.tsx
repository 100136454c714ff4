import { ReferenceManyField, Show, SimpleShowLayout, TextArrayField, TextField, UrlField } from 'react-admin';
import { ExternalIdField, ORCID, WIKIDATA } from '../common/ExternalIdField';
import { MoveTimeline } from '../moves/MoveTimeline';

export function PersonShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <ExternalIdField source="orcid" base={ORCID} />
        <ExternalIdField source="wikidataId" base={WIKIDATA} />
        <UrlField source="homepage" emptyText="—" target="_blank" rel="noopener noreferrer" />
        <TextArrayField source="fields" />
        <TextField source="notes" emptyText="—" />
        <ReferenceManyField
          label="talentflow.page.timeline"
          reference="moves"
          target="personId"
          sort={{ field: 'effectiveOn', order: 'ASC' }}
          perPage={200}
        >
          <MoveTimeline />
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
