import {
  ChipField,
  DataTable,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SingleFieldList,
  TabbedShowLayout,
  TabbedShowLayoutTabs,
  TextArrayField,
  TextField,
  UrlField,
} from 'react-admin';
import { moveStatusChoices, populationChoices, sectorChoices } from '../common/choices';
import { ExternalIdField, ROR, WIKIDATA } from '../common/ExternalIdField';
import { DateField, PartialDateField } from '../common/fields';
import { DeletedBanner, RecordActions } from '../common/RecordActions';
import { RecordHistory } from '../common/RecordHistory';

/** Who arrived (`side` = to) or left (`side` = from), and from or to where. */
function MovesTable({ side }: { side: 'to' | 'from' }) {
  const other = side === 'to' ? 'fromOrganizationId' : 'toOrganizationId';
  return (
    <ReferenceManyField
      reference="moves"
      target={`${side}OrganizationId`}
      sort={{ field: 'effectiveOn', order: 'DESC' }}
      pagination={<Pagination />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="personId" disableSort>
          <ReferenceField source="personId" reference="people" link="show" />
        </DataTable.Col>
        <DataTable.Col source={other} disableSort>
          <ReferenceField source={other} reference="organizations" link="show" emptyText="?" />
        </DataTable.Col>
        <DataTable.Col source="role" />
        <DataTable.Col source="effectiveOn">
          <PartialDateField source="effectiveOn" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={moveStatusChoices} />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
}

export function OrganizationShow() {
  return (
    <Show actions={<RecordActions merge />}>
      {/* Tabs that do not fit (on a phone) scroll, with arrows, rather than widen the page. */}
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" sx={{ width: 0, minWidth: '100%' }} />}>
        <TabbedShowLayout.Tab label="talentflow.page.summary">
          <DeletedBanner />
          <TextField source="name" />
          <TextArrayField source="aliases" />
          <SelectField source="sector" choices={sectorChoices} />
          <TextField source="country" emptyText="—" />
          <TextField source="city" emptyText="—" />
          <ReferenceField source="parentId" reference="organizations" link="show" emptyText="—" />
          <ReferenceManyField label="talentflow.page.subOrganizations" reference="organizations" target="parentId" perPage={100}>
            <SingleFieldList linkType="show" empty={<span>—</span>}>
              <ChipField source="name" />
            </SingleFieldList>
          </ReferenceManyField>
          <UrlField source="website" emptyText="—" />
          <DateField source="foundedOn" emptyText="—" />
          <ExternalIdField source="rorId" base={ROR} />
          <ExternalIdField source="wikidataId" base={WIKIDATA} />
          <RecordHistory />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="talentflow.page.joined" path="joined">
          <MovesTable side="to" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="talentflow.page.left" path="left">
          <MovesTable side="from" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="talentflow.page.peopleNow" path="people">
          <ReferenceManyField reference="people" target="currentOrganizationId" sort={{ field: 'name', order: 'ASC' }} pagination={<Pagination />}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="name" />
              <DataTable.Col source="fields" disableSort>
                <TextArrayField source="fields" />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="talentflow.page.headcount" path="headcount">
          <ReferenceManyField label="talentflow.page.targets" reference="headcount-targets" target="organizationId" sort={{ field: 'dueBy', order: 'ASC' }}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.NumberCol source="low" />
              <DataTable.NumberCol source="high" />
              <DataTable.Col source="population">
                <SelectField source="population" choices={populationChoices} />
              </DataTable.Col>
              <DataTable.Col source="dueBy">
                <DateField source="dueBy" emptyText="—" />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
          <ReferenceManyField label="talentflow.page.observations" reference="headcount-observations" target="organizationId" sort={{ field: 'observedOn', order: 'ASC' }}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="observedOn">
                <DateField source="observedOn" />
              </DataTable.Col>
              <DataTable.NumberCol source="count" />
              <DataTable.Col source="population">
                <SelectField source="population" choices={populationChoices} />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
