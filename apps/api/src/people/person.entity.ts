import { Column, Entity, Index } from 'typeorm';
import { StoredRecord } from '../common/entity-base';

@Entity({ name: 'people' })
export class Person extends StoredRecord {
  @Column({ type: 'text' })
  name: string;

  @Index('uq_people_orcid', { unique: true })
  @Column({ type: 'text', nullable: true })
  orcid: string | null;

  @Column({ name: 'wikidata_id', type: 'text', nullable: true })
  wikidataId: string | null;

  @Column({ type: 'text', nullable: true })
  homepage: string | null;

  /** Research fields, e.g. "computer vision". */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields: string[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;
}
