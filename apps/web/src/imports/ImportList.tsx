import { CreateButton, DataTable, DeleteWithConfirmButton, FunctionField, List, TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import { hasRole, Role } from '@talentflow/domain';

/** Undo, for admins, while the import stands. */
function UndoButton() {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  if (!record || record.undoneAt || !hasRole(permissions, Role.Admin)) return null;
  return (
    <DeleteWithConfirmButton
      label="talentflow.imports.undo"
      confirmTitle="talentflow.imports.undoTitle"
      confirmContent="talentflow.imports.undoContent"
      mutationMode="pessimistic"
      redirect={false}
    />
  );
}

/** The imports committed, newest first: who, which file, what they did; undo for admins. */
export function ImportList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton label="talentflow.imports.new" />
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt">
          <FunctionField source="createdAt" render={(record) => new Date(record.createdAt).toLocaleString()} />
        </DataTable.Col>
        <DataTable.Col source="kind" />
        <DataTable.Col source="fileName" />
        <DataTable.Col source="userEmail" disableSort />
        <DataTable.Col source="totals" disableSort>
          <FunctionField
            source="totals"
            render={({ totals }) => `${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ${totals.skipped} skipped`}
          />
        </DataTable.Col>
        <DataTable.Col source="undoneAt" disableSort>
          <FunctionField source="undoneAt" render={(record) => (record.undoneAt ? new Date(record.undoneAt).toLocaleString() : '—')} />
        </DataTable.Col>
        <DataTable.Col label="talentflow.imports.manage" disableSort>
          <UndoButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
