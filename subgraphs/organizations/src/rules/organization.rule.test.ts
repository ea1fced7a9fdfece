// The organizations subgraph's pure rules: a unit's tier and its lifetime.
import {
  OrganizationKind,
  OrganizationLevel,
  dayBefore,
  deriveLevel,
  isValidInYear,
  isValidOn,
} from '@tdkt/organizations';

describe('organization rules', () => {
  it('derives the tier from the kind, else from the parent', () => {
    expect(deriveLevel(OrganizationKind.WARD, OrganizationLevel.PROVINCIAL)).toBe(OrganizationLevel.COMMUNE);
    expect(deriveLevel(OrganizationKind.PROVINCE, null)).toBe(OrganizationLevel.PROVINCIAL);
    expect(deriveLevel(OrganizationKind.DEPARTMENT, OrganizationLevel.PROVINCIAL)).toBe(OrganizationLevel.PROVINCIAL);
    expect(deriveLevel(OrganizationKind.MINISTRY, null)).toBe(OrganizationLevel.CENTRAL);
  });

  it('knows when a unit exists', () => {
    const absorbed = { validFrom: null, validTo: '2025-06-30' };
    expect(isValidInYear(absorbed, 2025)).toBe(true);
    expect(isValidInYear(absorbed, 2026)).toBe(false);
    expect(isValidOn(absorbed, '2025-07-01')).toBe(false);
    expect(isValidInYear({ validFrom: '2025-03-01', validTo: null }, 2024)).toBe(false);
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
});
