import { hasRole, Role } from './roles';

describe('hasRole', () => {
  it('lets each role do what the roles below it do, and no more', () => {
    expect(hasRole(Role.Admin, Role.Editor)).toBe(true);
    expect(hasRole(Role.Editor, Role.Editor)).toBe(true);
    expect(hasRole(Role.Editor, Role.Admin)).toBe(false);
    expect(hasRole(Role.Viewer, Role.Editor)).toBe(false);
    expect(hasRole(Role.Viewer, Role.Viewer)).toBe(true);
  });
});
