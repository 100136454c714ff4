import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditAction, Role, ROLES } from '@talentflow/domain';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/passwords';
import { SessionsService } from '../auth/sessions.service';
import { conflict, invalid, notFound } from '../common/api-errors';
import { changedFields } from '../common/version.dto';
import { changesBetween, snapshot } from '../common/changes';
import { byValue, findPage, ListQueryDto, ListSpec, Page, search } from '../common/list-query';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  private readonly listSpec: ListSpec = {
    sortable: { email: 'users.email', displayName: 'users.displayName', role: 'users.role', createdAt: 'users.createdAt' },
    defaultSort: ['email', 'ASC'],
    filters: {
      q: search('users.email', 'users.display_name'),
      role: byValue('users.role', 'role', ROLES),
      disabled: (qb, value, param) => qb.andWhere(`users.disabled = :${param}`, { [param]: value === true || value === 'true' }),
    },
  };

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  list(query: ListQueryDto): Promise<Page<User>> {
    return findPage(this.users.createQueryBuilder('users'), query, this.listSpec);
  }

  async findOne(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('users', id);
    return user;
  }

  /** With the password hash, for signing in only. */
  findForSignIn(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async create({ password, ...fields }: CreateUserDto, actor: Actor | null): Promise<User> {
    const passwordHash = await hashPassword(password);
    const id = await this.dataSource.transaction(async (manager) => {
      const user = await manager.save(User, manager.create(User, { ...fields, passwordHash }));
      await this.audit.record(manager, {
        actor,
        action: AuditAction.Create,
        resource: 'users',
        recordId: user.id,
        changes: changesBetween({}, snapshot(user)),
      });
      return user.id;
    });
    return this.findOne(id);
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor): Promise<User> {
    const { version } = dto;
    const { password, email, ...fields } = changedFields(id, dto);
    const passwordHash = password ? await hashPassword(password) : undefined;
    await this.dataSource.transaction(async (manager) => {
      // A change that may take an admin away locks every enabled admin first, always in the same
      // order, before its own row: two concurrent demotions then count one after the other.
      const admins: { id: string }[] =
        fields.role !== undefined || fields.disabled !== undefined
          ? await manager.query(`SELECT id FROM users WHERE role = $1 AND NOT disabled ORDER BY id FOR UPDATE`, [Role.Admin])
          : [];
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('users', id);
      if (version !== undefined && user.version !== version) throw conflict('Someone changed this user since you loaded it', { version: `is now ${user.version}` }, user);
      if (email !== undefined && email !== user.email) throw invalid({ email: 'cannot be changed: create a user with the new address' });
      const losesAdmin = user.role === Role.Admin && !user.disabled && ((fields.role && fields.role !== Role.Admin) || fields.disabled);
      if (losesAdmin) {
        if (admins.length <= 1) {
          throw conflict('This is the last admin: make another user admin first', { role: 'the last admin must stay an enabled admin' });
        }
      }
      const before = snapshot(user);
      manager.merge(User, user, passwordHash ? { ...fields, passwordHash } : fields);
      await manager.save(User, user);
      const changes = changesBetween(before, snapshot(user));
      if (passwordHash) changes.password = { before: '(hidden)', after: '(changed)' };
      await this.audit.record(manager, {
        actor,
        action: changes.role ? AuditAction.RoleChange : AuditAction.Update,
        resource: 'users',
        recordId: id,
        changes,
      });
    });
    if (fields.disabled || passwordHash) await this.sessions.closeAllOf(id);
    else this.sessions.accountChanged(id);
    return this.findOne(id);
  }

  async setOwnPassword(actor: Actor, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, actor.id, { passwordHash });
      await this.audit.record(manager, { actor, action: AuditAction.PasswordChange, resource: 'users', recordId: actor.id });
    });
  }

  /** The first admin, from ADMIN_EMAIL and ADMIN_PASSWORD, when the database has no user yet. */
  async createFirstAdmin(admin: { email: string; password: string } | undefined): Promise<void> {
    if (!admin || (await this.users.count()) > 0) return;
    await this.create({ email: admin.email.toLowerCase(), displayName: 'Administrator', role: Role.Admin, password: admin.password }, null);
    this.logger.log(`Created the first admin, ${admin.email}`);
  }
}
