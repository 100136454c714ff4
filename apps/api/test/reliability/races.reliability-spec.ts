import { Role } from '@talentflow/domain';
import { DataSource } from 'typeorm';
import { createTestApp, emailOf, TestApp } from '../support/test-app';

const TRIALS = 10;

/** Rules that must hold when several requests race for the same records, each tried many times. */
describe('races', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('keeps an enabled admin when two admins are demoted at the same moment', async () => {
    const db = t.app.get(DataSource);
    const enabledAdmins = (): Promise<{ id: string; version: number }[]> =>
      db.query(`SELECT id, version FROM users WHERE role = 'admin' AND NOT disabled ORDER BY email`);
    for (let trial = 0; trial < TRIALS; trial++) {
      await t.http
        .post('/api/users')
        .send({ email: `second-admin-${trial}@example.org`, displayName: 'Second admin', role: 'admin', password: 'a long enough password' })
        .expect(201);
      const admins = await enabledAdmins();
      expect(admins).toHaveLength(2);
      const answers = await Promise.all(admins.map((admin) => t.http.put(`/api/users/${admin.id}`).send({ role: 'editor', version: admin.version })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(await enabledAdmins()).toHaveLength(1);
      // Back to the test's own admin alone for the next trial; its session sees the change once
      // PostgreSQL's notification has reached the process.
      await db.query(`UPDATE users SET role = CASE WHEN email = $1 THEN 'admin'::user_role ELSE 'editor'::user_role END WHERE id = ANY($2)`, [
        emailOf(Role.Admin),
        admins.map((admin) => admin.id),
      ]);
      for (const start = Date.now(); (await t.http.get('/api/users')).status !== 200; await new Promise((resolve) => setTimeout(resolve, 50))) {
        if (Date.now() - start > 3000) throw new Error('the admin’s session never saw its role back');
      }
    }
  });

  it('never lets a delete and a create that names the record both succeed', async () => {
    const outcomes = new Set<string>();
    for (let trial = 0; trial < TRIALS * 2; trial++) {
      const { body: person } = await t.http.post('/api/people').send({ name: `Racer ${trial}` }).expect(201);
      const { body: lab } = await t.http.post('/api/organizations').send({ name: `Race lab ${trial}`, sector: 'private_lab' }).expect(201);
      // The delete starts 0–4 ms after the create, so that each can come first.
      const [removed, created] = await Promise.all([
        new Promise((resolve) => setTimeout(resolve, trial % 5)).then(() => t.http.delete(`/api/people/${person.id}`)),
        t.http.post('/api/moves').send({ personId: person.id, toOrganizationId: lab.id, roleCategory: 'researcher', datePrecision: 'year', status: 'confirmed' }),
      ]);
      outcomes.add(`${removed.status}/${created.status}`);
      // Exactly one wins: the delete (then the move is refused) or the move (then the delete is refused).
      expect([`${removed.status}/${created.status}`]).toContainEqual(expect.stringMatching(/^(200\/400|409\/201)$/));
      const [{ orphans }] = await t.app.get(DataSource).query(
        `SELECT count(*)::int AS orphans FROM moves m JOIN people p ON p.id = m.person_id WHERE m.deleted_at IS NULL AND p.deleted_at IS NOT NULL`,
      );
      expect(orphans).toBe(0);
    }
    console.log(`delete/create outcomes seen: ${[...outcomes].join(', ')}`);
  });

  it('records the same move entered by several editors at once only once', async () => {
    const { body: person } = await t.http.post('/api/people').send({ name: 'Entered twice' }).expect(201);
    const { body: lab } = await t.http.post('/api/organizations').send({ name: 'Twice lab', sector: 'private_lab' }).expect(201);
    for (let trial = 0; trial < TRIALS; trial++) {
      const move = { personId: person.id, toOrganizationId: lab.id, roleCategory: 'researcher', datePrecision: 'year', effectiveOn: `${2000 + trial}-01-01`, status: 'confirmed' };
      const answers = await Promise.all(Array.from({ length: 4 }, () => t.http.post('/api/moves').send(move)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
    }
  });

  it('gives a unique value to one of many concurrent creates, and 409 to the others', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const url = `https://example.org/race/${trial}`;
      const answers = await Promise.all(
        // The same address, some written with another host case and a trailing slash.
        Array.from({ length: 8 }, (_, i) => t.http.post('/api/sources').send({ url: i % 2 ? `https://EXAMPLE.org/race/${trial}/` : url })),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      const orcid = ['0000-0002-1825-0097', '0000-0001-5109-3700', '0000-0002-1694-233X'][trial % 3];
      const people = await Promise.all(Array.from({ length: 5 }, (_, i) => t.http.post('/api/people').send({ name: `Same ORCID ${trial}.${i}`, orcid })));
      expect(people.filter((answer) => answer.status === 201)).toHaveLength(trial < 3 ? 1 : 0);
      expect(people.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
    }
  });
});
