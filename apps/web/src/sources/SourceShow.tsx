import { DataTable, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField, UrlField } from 'react-admin';
import { moveStatusChoices } from '../common/choices';
import { DateField, PartialDateField } from '../common/fields';
import { DeletedBanner, RecordActions } from '../common/RecordActions';
import { RecordHistory } from '../common/RecordHistory';

/** A source and everything it supports: moves, targets and observations. */
export function SourceShow() {
  return (
    <Show actions={<RecordActions />}>
      <SimpleShowLayout>
        <DeletedBanner />
        <UrlField source="url" target="_blank" rel="noopener noreferrer" />
        <TextField source="title" emptyText="—" />
        <TextField source="publisher" emptyText="—" />
        <DateField source="publishedOn" emptyText="—" />
        <TextField source="language" emptyText="—" />
        <TextField source="excerpt" emptyText="—" />
        <ReferenceManyField label="talentflow.page.moves" reference="moves" target="sourceId" perPage={100}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="personId" disableSort>
              <ReferenceField source="personId" reference="people" link="show" />
            </DataTable.Col>
            <DataTable.Col source="fromOrganizationId" disableSort>
              <ReferenceField source="fromOrganizationId" reference="organizations" emptyText="?" />
            </DataTable.Col>
            <DataTable.Col source="toOrganizationId" disableSort>
              <ReferenceField source="toOrganizationId" reference="organizations" emptyText="?" />
            </DataTable.Col>
            <DataTable.Col source="effectiveOn">
              <PartialDateField source="effectiveOn" />
            </DataTable.Col>
            <DataTable.Col source="status">
              <SelectField source="status" choices={moveStatusChoices} />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
        <ReferenceManyField label="talentflow.page.targets" reference="headcount-targets" target="sourceId">
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="organizationId" disableSort>
              <ReferenceField source="organizationId" reference="organizations" />
            </DataTable.Col>
            <DataTable.NumberCol source="low" />
            <DataTable.NumberCol source="high" />
          </DataTable>
        </ReferenceManyField>
        <ReferenceManyField label="talentflow.page.observations" reference="headcount-observations" target="sourceId">
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="organizationId" disableSort>
              <ReferenceField source="organizationId" reference="organizations" />
            </DataTable.Col>
            <DataTable.Col source="observedOn">
              <DateField source="observedOn" />
            </DataTable.Col>
            <DataTable.NumberCol source="count" />
          </DataTable>
        </ReferenceManyField>
        <RecordHistory />
      </SimpleShowLayout>
    </Show>
  );
}
