// TEMPORARY — being written by the lead.
export function validate(_config: unknown): string {
  return '';
}
