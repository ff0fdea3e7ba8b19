/**
 * The traffic sources (SPEC 6.2): what config.conditions[].source may name, and mgt_session.source
 * holds. The first five are also the utm_medium values taken as is (attribution/source.ts).
 */
export const SOURCES = ['paid', 'organic', 'social', 'email', 'referral', 'campaign', 'direct'];
