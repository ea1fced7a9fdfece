/**
 * A person's grants: each title as a decision of the issuer the law gives the power, imported or through
 * the nomination workflow, with the initiatives behind it; and the nominations that did not become
 * grants (rejected, withdrawn, the current year's).
 */
import { evaluateEligibility, type GrantFact, type InitiativeFact } from '@tdkt/awards';
import { text, NULL } from '../copy.js';
import { day, iso, stamp } from '../dates.js';
import { EXCELLENT, GOOD, personUnitIn, RATINGS, type Person, type TitleDraft } from '../people.js';
import { validOn, type Plan, type PlanGroup } from '../plan.js';
import { AS_OF, CURRENT_YEAR, FIRST_YEAR, LAST_GRANT_YEAR, WORKFLOW_FROM_YEAR } from '../presets.js';
import { hash32, Rng, scaleUuid, TAG } from '../random.js';
import { INITIATIVE_TITLES } from '../vietnamese.js';
import { factsBefore, grantCreated, type ChunkWriter } from './chunk-writer.js';

/** Titles proposed by the unit itself (the others by the head of its group: a department, a commune …). */
export const BASE_LEVEL = new Set([
  'LDTT',
  'CHIEN_SI_TIEN_TIEN',
  'CSTD_CO_SO',
  'GIAY_KHEN',
  'TTLD_TIEN_TIEN',
  'DON_VI_TIEN_TIEN',
  'THON_TDP_VAN_HOA',
]);
const AS_OF_DAY = day(Number(AS_OF.slice(0, 4)), Number(AS_OF.slice(5, 7)), Number(AS_OF.slice(8, 10)));

const REVOKE_REASON =
  'Thu hồi do phát hiện kê khai thành tích không đúng sự thật (Luật Thi đua, khen thưởng 2022, Điều 94).';

export function proposerFor(
  plan: Plan,
  type: string,
  recipientUnit: number,
  currentUnit: number,
  groupRoot: number,
  year: number,
): number {
  if (BASE_LEVEL.has(type) || recipientUnit !== currentUnit) return recipientUnit;
  const root = plan.orgs[groupRoot]!;
  return validOn(root, `${year + 1}-01-01`) ? groupRoot : recipientUnit;
}

export function writePersonGrants(
  plan: Plan,
  writer: ChunkWriter,
  group: PlanGroup,
  groupRoot: number,
  person: Person,
  titles: readonly TitleDraft[],
  bkhcn: number,
): void {
  const history: (GrantFact & { decidedOn: number })[] = [];
  const initiatives: (InitiativeFact & { usedOn: number })[] = [];
  const ratings = () => {
    const list: { year: number; rating: (typeof RATINGS)[number] }[] = [];
    person.ratings.forEach((rating, slot) => {
      if (rating >= 0) list.push({ year: FIRST_YEAR + slot, rating: RATINGS[rating]! });
    });
    return list;
  };
  let ratingList: ReturnType<typeof ratings> | null = null;
  const verdict = (type: string, year: number, basis: string) => (on: number) => {
    ratingList ??= ratings();
    return JSON.stringify(
      evaluateEligibility({
        awardTypeCode: type,
        year,
        basis: basis as never,
        subject: { kind: 'PERSON' },
        history: {
          grants: factsBefore(history, on),
          ratings: ratingList.filter((entry) => entry.year <= year),
          initiatives: initiatives
            .filter((initiative) => Number(initiative.recognizedOn.slice(0, 4)) <= year)
            .map(({ usedOn, ...initiative }) => ({
              ...initiative,
              usedByGrantIds: usedOn < on ? initiative.usedByGrantIds : [],
            })),
          openInquiries: [],
          disciplines: [],
        },
      }),
    );
  };
  const gender = person.female ? 'FEMALE' : 'MALE';
  // One open-or-decided nomination per award, recipient and year (nomination_open_once): a second
  // Giấy khen of the same year on another basis was recorded by import.
  const nominated = new Set<string>();
  let sequence = 0;
  for (const title of titles) {
    const recipientUnit = personUnitIn(person, title.year);
    const issuer = writer.issuerFor(title.type, recipientUnit, false, title.year);
    const once = `${title.type}|${title.year}`;
    const workflow = group.workflow && title.year >= WORKFLOW_FROM_YEAR && issuer.allowed && !nominated.has(once);
    if (workflow) nominated.add(once);
    const decision = writer.decision(issuer, title.type, title.year, !workflow);
    sequence += 1;
    const grantId = scaleUuid(TAG.grant, person.index, sequence);
    const h = hash32(person.index, sequence, 0x7a);
    let nominationId: string | null = null;
    if (title.initiative) {
      const initiativeId = scaleUuid(
        TAG.initiative,
        person.index,
        title.year * 2 + (title.initiative === 'NATIONAL' ? 1 : 0),
      );
      const recognized = day(title.year, 9, 1) + (h % 90);
      const recognizer = title.initiative === 'NATIONAL' ? bkhcn : issuer.org;
      const unitName = plan.orgs[recipientUnit]!.shortName ?? plan.orgs[recipientUnit]!.name;
      const titleText = INITIATIVE_TITLES[h % INITIATIVE_TITLES.length]!.replace('{unit}', unitName).slice(0, 500);
      writer.initiatives.row(
        `${initiativeId}\t${text(titleText)}\t${title.initiative}\t${iso(recognized)}\t${plan.orgs[recognizer]!.id}\t${stamp(Math.max(recognized, day(2024, 3, 1)), 11 * 60)}`,
      );
      writer.authors.row(`${initiativeId}\t${person.id}`);
      writer.grantInitiatives.row(`${grantId}\t${initiativeId}`);
      initiatives.push({
        id: initiativeId,
        scope: title.initiative,
        recognizedOn: iso(recognized),
        usedByGrantIds: [grantId],
        usedOn: decision.issuedOn,
      });
    }
    if (workflow) {
      nominationId = scaleUuid(TAG.nomination, person.index, sequence);
      writer.nomination({
        id: nominationId,
        type: title.type,
        year: title.year,
        basis: title.basis,
        personId: person.id,
        organizationId: null,
        recipientUnit,
        gender,
        proposer: proposerFor(plan, title.type, recipientUnit, person.unit, groupRoot, title.year),
        blocId: null,
        status: 'DECIDED',
        decision,
        createdOn: 0,
        eligibility: verdict(title.type, title.year, title.basis),
        seed: h,
      });
    }
    const revoked = decision.legacy && h % 20_000 === 7 && decision.issuedOn + 300 <= AS_OF_DAY;
    writer.grants.row(
      `${grantId}\t${title.type}\t${person.id}\t${NULL}\t${plan.orgs[recipientUnit]!.id}\t${gender}\t${title.year}\t${title.basis}\t${decision.id}\t${nominationId ?? NULL}\t${decision.legacy ? 't' : 'f'}\t${revoked ? iso(decision.issuedOn + 300) : NULL}\t${revoked ? text(REVOKE_REASON) : NULL}\t${grantCreated(decision)}\t${NULL}`,
    );
    history.push({
      id: grantId,
      awardTypeCode: title.type,
      year: title.year,
      basis: title.basis as GrantFact['basis'],
      decisionDate: iso(decision.issuedOn),
      revoked,
      decidedOn: decision.issuedOn,
    });
  }

  if (!group.workflow) return;
  // Nominations that did not become grants: rejected by the council, withdrawn, and the current year's.
  const rng = new Rng(hash32(0x40e1, person.index));
  const hasTitle = (type: string, year: number) => titles.some((title) => title.type === type && title.year === year);
  let extra = 100;
  for (const year of [WORKFLOW_FROM_YEAR, LAST_GRANT_YEAR]) {
    const rating = person.ratings[year - FIRST_YEAR]!;
    if (rating < GOOD) continue;
    const unitThen = personUnitIn(person, year);
    const base = day(year + 1, 1, 5);
    if (!hasTitle('CSTD_CO_SO', year) && rng.chance(0.06)) {
      extra += 1;
      writer.nomination({
        id: scaleUuid(TAG.nomination, person.index, extra),
        type: 'CSTD_CO_SO',
        year,
        basis: 'MERIT',
        personId: person.id,
        organizationId: null,
        recipientUnit: unitThen,
        gender,
        proposer: unitThen,
        blocId: null,
        status: 'REJECTED',
        decision: null,
        createdOn: base - 40 + rng.int(15),
        eligibility: verdict('CSTD_CO_SO', year, 'MERIT'),
        seed: hash32(person.index, extra),
      });
    }
    if (rng.chance(0.015)) {
      extra += 1;
      writer.nomination({
        id: scaleUuid(TAG.nomination, person.index, extra),
        type: 'BANG_KHEN_BO_TINH',
        year,
        basis: 'MERIT',
        personId: person.id,
        organizationId: null,
        recipientUnit: unitThen,
        gender,
        proposer: proposerFor(plan, 'BANG_KHEN_BO_TINH', unitThen, person.unit, groupRoot, year),
        blocId: null,
        status: 'WITHDRAWN',
        decision: null,
        createdOn: base - 30 + rng.int(20),
        eligibility: verdict('BANG_KHEN_BO_TINH', year, 'MERIT'),
        seed: hash32(person.index, extra),
      });
    }
  }
  const current = person.ratings[CURRENT_YEAR - FIRST_YEAR]!;
  if (current >= GOOD) {
    const roll = rng.next();
    const status =
      roll < 0.4
        ? 'DRAFT'
        : roll < 0.8
          ? 'SUBMITTED'
          : roll < 0.88
            ? 'RETURNED'
            : roll < 0.98
              ? 'APPROVED'
              : 'WITHDRAWN';
    const basic = plan.orgs[person.unit]!.armed ? 'CHIEN_SI_TIEN_TIEN' : 'LDTT';
    extra += 1;
    writer.nomination({
      id: scaleUuid(TAG.nomination, person.index, extra),
      type: basic,
      year: CURRENT_YEAR,
      basis: 'MERIT',
      personId: person.id,
      organizationId: null,
      recipientUnit: person.unit,
      gender,
      proposer: person.unit,
      blocId: null,
      status,
      decision: null,
      createdOn: day(CURRENT_YEAR, 11, 1) + rng.int(6),
      eligibility: verdict(basic, CURRENT_YEAR, 'MERIT'),
      seed: hash32(person.index, extra),
    });
    if (current === EXCELLENT && rng.chance(0.3)) {
      extra += 1;
      writer.nomination({
        id: scaleUuid(TAG.nomination, person.index, extra),
        type: 'CSTD_CO_SO',
        year: CURRENT_YEAR,
        basis: 'MERIT',
        personId: person.id,
        organizationId: null,
        recipientUnit: person.unit,
        gender,
        proposer: person.unit,
        blocId: null,
        status: rng.chance(0.5) ? 'DRAFT' : 'SUBMITTED',
        decision: null,
        createdOn: day(CURRENT_YEAR, 11, 1) + rng.int(6),
        eligibility: verdict('CSTD_CO_SO', CURRENT_YEAR, 'MERIT'),
        seed: hash32(person.index, extra),
      });
    }
  }
}
