import { ReferenceManyField, Show, SimpleShowLayout, TextArrayField, TextField, UrlField } from 'react-admin';
import { DBLP, ExternalIdField, GOOGLE_SCHOLAR, OPENALEX, ORCID, WIKIDATA } from '../common/ExternalIdField';
import { MoveTimeline } from '../moves/MoveTimeline';
import { DeletedBanner, RecordActions } from '../common/RecordActions';
import { RecordHistory } from '../common/RecordHistory';

export function PersonShow() {
  return (
    <Show actions={<RecordActions merge />}>
      <SimpleShowLayout>
        <DeletedBanner />
        <TextField source="name" />
        <TextArrayField source="aliases" />
        <ExternalIdField source="orcid" base={ORCID} />
        <ExternalIdField source="wikidataId" base={WIKIDATA} />
        <ExternalIdField source="googleScholarId" base={GOOGLE_SCHOLAR} />
        <ExternalIdField source="dblpId" base={DBLP} />
        <ExternalIdField source="openalexId" base={OPENALEX} />
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
        <RecordHistory />
      </SimpleShowLayout>
    </Show>
  );
}
