import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: PostgreSQL tells every API process, on channel `session_changes`, whose sign-in
 * may have changed, with the user's id as the payload: a session ended (sign-out, a disabled account,
 * a new password, the sweep of expired ones) or the account itself changed (role, name, disabled,
 * deleted). The processes remember recent sessions' users (auth/session-cache.ts) and forget that
 * user's on notice, so a change made by any process, or by hand in psql, counts on the next request.
 * A notification goes out at commit, not before, and once per user and transaction.
 */
export class SessionChangeNotifications1795757100000 implements MigrationInterface {
  name = 'SessionChangeNotifications1795757100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION session_changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'sessions' THEN
          PERFORM pg_notify('session_changes', OLD.user_id::text);
        ELSE
          PERFORM pg_notify('session_changes', OLD.id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER sessions_changes_notify AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION session_changes_notify()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER users_changes_notify AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION session_changes_notify()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER users_changes_notify ON users`);
    await queryRunner.query(`DROP TRIGGER sessions_changes_notify ON sessions`);
    await queryRunner.query(`DROP FUNCTION session_changes_notify()`);
  }
}
