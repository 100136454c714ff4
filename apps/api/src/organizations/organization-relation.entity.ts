import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from './organization.entity';

/** The kinds of link between organisations that the Research Organization Registry records. */
export const RELATION_TYPES = ['parent', 'child', 'related', 'successor', 'predecessor'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/**
 * A link between two organisations as a registry states it, e.g. "Inria has this team as a child".
 * An organisation can have several parents there (a joint research unit of CNRS and a university);
 * its `parentId`, which the dashboards roll up to, is one of them.
 */
@Entity({ name: 'organization_relations' })
@Check('ck_organization_relations_type', `type IN (${RELATION_TYPES.map((t) => `'${t}'`).join(', ')})`)
export class OrganizationRelation {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'text' })
  type: RelationType;

  @Index('ix_organization_relations_related_id')
  @PrimaryColumn({ name: 'related_id', type: 'uuid' })
  relatedId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_organization_relations_organization' })
  organization?: Organization;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'related_id', foreignKeyConstraintName: 'fk_organization_relations_related' })
  related?: Organization;
}
