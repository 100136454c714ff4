export default async function globalTeardown() {
  await globalThis.__TALENTFLOW_TEST_PG__?.stop();
}
