import { WAIVABLE } from '../../src/policy/ids.js';
/** The policy catalogue the config loader checks waiver ids against, as the commands pass it. */
export const loadOptions = { waivable: WAIVABLE };
