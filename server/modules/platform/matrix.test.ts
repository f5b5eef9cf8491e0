import { it } from 'vitest';
import { createTestApp } from '../../../test/harness.ts';
it('probe', async () => {
  const t = await createTestApp();
  console.log(t.app.printRoutes({ commonPrefix: false }));
  console.log(Object.keys((t.app.swagger() as { paths: object }).paths));
  await t.close();
});
