/**
 * HiGHS (WebAssembly), loaded once when this module is first imported: the placement closes its remaining
 * gap with HiGHS on the few families whose choice is still open.
 */
import highsLoader from 'highs';

export const highs = await highsLoader();
