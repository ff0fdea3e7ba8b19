// The consent banners (CMPs) mgt has an adapter for (SPEC 7), in the order the adapters start.
// A module of its own so that config validation can name them without pulling in the adapters.
import type { CmpName } from '../types';

export const CMPS: CmpName[] = ['tcf', 'gcm', 'didomi', 'axeptio', 'tarteaucitron', 'klaro', 'cookieconsent', 'onetrust', 'cookiebot', 'usercentrics', 'piwikpro', 'cookieyes', 'complianz'];
