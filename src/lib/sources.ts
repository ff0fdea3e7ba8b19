/** The traffic sources (SPEC 6.2): what config.conditions[].source may name, and mgt_session.source holds. */
export const SOURCES = ['paid', 'organic', 'social', 'email', 'referral', 'campaign', 'direct'];
