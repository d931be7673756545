/** A finding's identity: its rule and where it points (the same JSON Pointer in both documents means the same place). */
const keyOf = (finding) => `${finding.ruleId} ${finding.location?.[0]?.pointer ?? ''}`;

/**
 * The findings of `after` (the rewritten document) that `before` (Nest's own) does not have, by rule and location.
 *
 * @example
 * findingsAddedBy([{ ruleId: 'info-license', location: [{ pointer: '#/info' }] }], []); // []
 */
export function findingsAddedBy(before, after) {
  const known = new Set(before.map(keyOf));
  return after.filter((finding) => !known.has(keyOf(finding)));
}

/** One line per finding: severity, rule, location, message. */
export function formatFinding(finding) {
  return `${finding.severity} ${finding.ruleId} at ${finding.location?.[0]?.pointer ?? '?'}: ${finding.message}`;
}
