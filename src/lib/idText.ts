/**
 * The text a tracking ID may be, as captured (attribution/trackingIds.ts) and as read back from
 * mgt_session (storage/session.ts): 1 to 200 characters (SPEC 6.4), no control character and
 * nothing that could start markup or end a quoted attribute. Real IDs (click IDs, `_ga`, `_pk_id.*`
 * values, CRM ids, a dataLayer 'Returning Visitor') never need them.
 */
export const idText = (v: unknown): v is string => typeof v == 'string' && /^[^\0-\x1f\x7f<>"'`\\]{1,200}$/.test(v);
