import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appConfig } from '../config/app.config';
import { HeadcountObservation } from '../headcount/headcount-observation.entity';
import { HeadcountTarget } from '../headcount/headcount-target.entity';
import { Move } from '../moves/move.entity';
import { Organization } from '../organizations/organization.entity';
import { Person } from '../people/person.entity';
import { Source } from '../sources/source.entity';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import {
  DEMO_ACCOUNTS,
  DEMO_MOVES,
  DEMO_OBSERVATIONS,
  DEMO_ORGANIZATIONS,
  DEMO_PEOPLE,
  DEMO_SOURCES,
  DEMO_TARGETS,
} from './demo-data';

/** Loads the demo data into an empty database when the app starts (DEMO_DATA=true, the default). */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    if (await this.load()) this.logger.log('Loaded the demo data (Kyutai, Artefact, and labelled samples)');
    if (await this.createAccounts()) {
      this.logger.log(
        `Demo accounts: ${DEMO_ACCOUNTS.map((a) => `${a.role} ${a.email} / ${a.password}`).join('; ')}`,
      );
    }
  }

  /** The demo's three accounts, when the database has no user yet; false when it has. */
  async createAccounts(): Promise<boolean> {
    if ((await this.dataSource.getRepository(User).count()) > 0) return false;
    for (const account of DEMO_ACCOUNTS) await this.users.create(account, null);
    return true;
  }

  /** Loads everything in one transaction; false, and nothing written, when organisations exist already. */
  load(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // Two app processes starting on one empty database must not both load it.
      await manager.query('LOCK TABLE organizations IN EXCLUSIVE MODE');
      if ((await manager.count(Organization)) > 0) return false;
      await this.insert(manager);
      return true;
    });
  }

  private async insert(manager: EntityManager): Promise<void> {
    const sources = await saveByKey(manager, Source, DEMO_SOURCES);
    const people = await saveByKey(manager, Person, DEMO_PEOPLE);
    const organizations = await saveByKey(
      manager,
      Organization,
      Object.fromEntries(Object.entries(DEMO_ORGANIZATIONS).map(([key, { parent: _parent, ...fields }]) => [key, fields])),
    );
    for (const [key, { parent }] of Object.entries(DEMO_ORGANIZATIONS)) {
      if (parent) await manager.update(Organization, organizations[key].id, { parentId: organizations[parent].id });
    }
    await manager.save(
      Move,
      DEMO_MOVES.map(({ person, from, to, source, ...fields }) =>
        manager.create(Move, {
          ...fields,
          personId: people[person].id,
          fromOrganizationId: from ? organizations[from].id : null,
          toOrganizationId: to ? organizations[to].id : null,
          sources: [sources[source]],
        }),
      ),
    );
    await manager.save(
      HeadcountTarget,
      DEMO_TARGETS.map(({ organization, source, ...fields }) =>
        manager.create(HeadcountTarget, { ...fields, organizationId: organizations[organization].id, sources: [sources[source]] }),
      ),
    );
    await manager.save(
      HeadcountObservation,
      DEMO_OBSERVATIONS.map(({ organization, source, ...fields }) =>
        manager.create(HeadcountObservation, { ...fields, organizationId: organizations[organization].id, sources: [sources[source]] }),
      ),
    );
  }
}

async function saveByKey<E extends object>(
  manager: EntityManager,
  entity: new () => E,
  records: Record<string, Partial<E>>,
): Promise<Record<string, E & { id: string }>> {
  const keys = Object.keys(records);
  const saved = await manager.save(entity, keys.map((key) => manager.create(entity, records[key] as E)));
  return Object.fromEntries(keys.map((key, index) => [key, saved[index] as E & { id: string }]));
}
