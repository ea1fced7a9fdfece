/**
 * Mutations of the pledge year (giao ước thi đua): draft, change, open, sign, close (rank). Each is one audited transaction that locks the pledge row and asks
 * rules/pledge-workflow.rule.ts whether the pledge's status allows the change. Progress reports and
 * scorecards: pledge-progress.service.ts; the vote on the leading unit: bloc-vote.service.ts.
 */
import {
  auditedTransaction,
  badInput,
  checkRange,
  cleanOptionalText,
  cleanText,
  conflict,
  notFound,
  requireSignedIn,
  translateDatabaseError,
  type AuditRecorder,
  vietnamToday,
} from '@tdkt/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { requireActFor, type CampaignsContext } from '../context.js';
import { rankByTotal } from '../rules/pledge-scoring.rule.js';
import {
  canClose,
  canOpen,
  canSign,
  canUpdate,
  checkPledgeYear,
  statusAfterSignature,
  type PledgeVerdict,
} from '../rules/pledge-workflow.rule.js';
import { createStores, type NewPledgeItem } from '../store/index.js';
import type { CreatePledgeInput, PledgeItemInput, SignPledgeInput, UpdatePledgeInput } from '../types/pledge.inputs.js';
import type { Pledge, PledgeSignature } from '../types/pledge.types.js';
import { RANGES } from './input-ranges.js';
import { blocYearOf, loadPledge, reloadPledge, requireBlocLead, requireMember, unitOrFail } from './pledge-access.js';

const CONSTRAINTS: Record<string, string> = {
  pledge_bloc_year_key: 'Khối/cụm này đã có giao ước cho năm đó.',
  pledge_item_code_check: 'Mã tiêu chí chỉ gồm chữ in hoa không dấu, chữ số, dấu chấm, gạch (tối đa 20 ký tự).',
  pledge_item_max_score_check: 'Điểm tối đa của mỗi tiêu chí phải lớn hơn 0.',
  pledge_item_pkey: 'Hai tiêu chí trùng mã.',
};

const ITEM_CODE = /^[A-Z0-9][A-Z0-9._-]{0,19}$/;

/**
 * Locks the pledge row for the rest of the transaction (see PledgeStore.lock) and returns it as it is
 * now, or refuses with CONFLICT when its status does not allow the change.
 */
export async function lockPledgeFor(
  manager: EntityManager,
  id: string,
  mode: 'UPDATE' | 'SHARE',
  verdictOf: (pledge: Pledge) => PledgeVerdict,
): Promise<Pledge> {
  const current = await createStores(manager).pledges.lock(id, mode);
  if (!current) throw notFound('Không tìm thấy giao ước này.');
  const verdict = verdictOf(current);
  if (!verdict.allowed) throw conflict(verdict.reason, { status: current.status });
  return current;
}

/** What the audit log keeps of a pledge: the row and its items. */
async function pledgeImage(audit: AuditRecorder, id: string): Promise<unknown> {
  return {
    pledge: await audit.snapshot('pledge', id),
    items: await audit.snapshot('pledge_item', null, {
      sql: 't.pledge_id = $1 ORDER BY t.position',
      params: [id],
      many: true,
    }),
  };
}

/** Validates and normalizes a pledge's items (codes upper-case and unique, titles NFC, max scores > 0). */
function cleanItems(input: PledgeItemInput[]): NewPledgeItem[] {
  if (input.length === 0) throw badInput('Giao ước cần ít nhất một nội dung.', { field: 'input.items' });
  if (input.length > 100) throw badInput('Giao ước có tối đa 100 nội dung.', { field: 'input.items' });
  const seen = new Set<string>();
  return input.map((item, index) => {
    const code = item.code.trim().toUpperCase();
    const field = `input.items[${index}]`;
    if (!ITEM_CODE.test(code))
      throw badInput(
        `Mã tiêu chí "${item.code}" không hợp lệ: chữ in hoa không dấu, chữ số, dấu chấm, gạch (tối đa 20 ký tự).`,
        { field: `${field}.code` },
      );
    if (seen.has(code)) throw badInput(`Hai tiêu chí trùng mã ${code}.`, { field: `${field}.code` });
    seen.add(code);
    checkRange(item.maxScore, `${field}.maxScore`, RANGES.maxScore);
    checkRange(item.targetValue, `${field}.targetValue`, RANGES.targetValue);
    return {
      code,
      title: cleanText(item.title, { label: 'Nội dung', field: `${field}.title`, maxLength: 500 }),
      unit: cleanOptionalText(item.unit, { label: 'Đơn vị tính', field: `${field}.unit`, maxLength: 40 }),
      targetValue: item.targetValue ?? null,
      maxScore: item.maxScore,
      allowNegative: item.allowNegative ?? false,
    };
  });
}

/** The bloc's lead drafts the pledge of a year (DRAFT). */
export async function createPledge(context: CampaignsContext, input: CreatePledgeInput): Promise<Pledge> {
  requireSignedIn(context);
  const yearProblem = checkPledgeYear(input.year, vietnamToday());
  if (yearProblem) throw badInput(yearProblem, { field: 'input.year' });
  const bloc = await context.organizations.blocByCode.load(input.blocCode.trim().toUpperCase());
  if (!bloc) throw notFound(`Không tìm thấy khối/cụm thi đua có mã ${input.blocCode}.`, { field: 'input.blocCode' });
  const blocYear = await blocYearOf(context, bloc.id, input.year);
  await requireBlocLead(context, blocYear, input.year, 'soạn giao ước');
  if (blocYear.members.length === 0)
    throw badInput(`${bloc.name} chưa có danh sách thành viên năm ${input.year}.`, { field: 'input.year' });
  const theme = cleanText(input.theme, { label: 'Chủ đề', field: 'input.theme', maxLength: 500 });
  const legalBasis = cleanOptionalText(input.schemeLegalBasis, {
    label: 'Căn cứ thang điểm',
    field: 'input.schemeLegalBasis',
    maxLength: 500,
  });
  const items = cleanItems(input.items);
  const bonusCap = input.bonusCap ?? 0;
  checkRange(bonusCap, 'input.bonusCap', RANGES.bonusCap);
  const threshold = input.leadingVoteThreshold ?? 0.8;
  checkRange(threshold, 'input.leadingVoteThreshold', RANGES.leadingVoteThreshold);
  try {
    const id = await auditedTransaction(context.db, context, 'createPledge', async (manager, audit) => {
      const { pledges } = createStores(manager);
      const created = await pledges.insert({
        blocId: bloc.id,
        year: input.year,
        theme,
        bonusCap,
        leadingVoteThreshold: threshold,
        schemeLegalBasis: legalBasis,
        createdBy: context.caller.subject,
      });
      await pledges.insertItems(created, items);
      await audit.record({
        entityType: 'Pledge',
        entityId: created,
        before: null,
        after: await pledgeImage(audit, created),
      });
      return created;
    });
    return (await context.loaders.pledgeById.load(id))!;
  } catch (error) {
    throw translateDatabaseError(error, {
      ...CONSTRAINTS,
      pledge_bloc_year_key: `${bloc.name} đã có giao ước năm ${input.year}.`,
    });
  }
}

/** The lead changes a DRAFT pledge; new items or a new bonus cap are a new version of the scoring scheme. */
export async function updatePledge(context: CampaignsContext, input: UpdatePledgeInput): Promise<Pledge> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, input.id, 'input.id');
  await requireBlocLead(context, await blocYearOf(context, pledge.blocId, pledge.year), pledge.year, 'sửa giao ước');
  const theme =
    input.theme === null || input.theme === undefined
      ? null
      : cleanText(input.theme, { label: 'Chủ đề', field: 'input.theme', maxLength: 500 });
  const items = input.items ? cleanItems(input.items) : null;
  checkRange(input.bonusCap, 'input.bonusCap', RANGES.bonusCap);
  const threshold = input.leadingVoteThreshold;
  checkRange(threshold, 'input.leadingVoteThreshold', RANGES.leadingVoteThreshold);
  const legalBasis = cleanOptionalText(input.schemeLegalBasis, {
    label: 'Căn cứ thang điểm',
    field: 'input.schemeLegalBasis',
    maxLength: 500,
  });
  const schemeChanged = items !== null || (input.bonusCap !== null && input.bonusCap !== undefined);
  try {
    await auditedTransaction(context.db, context, 'updatePledge', async (manager, audit) => {
      const { pledges } = createStores(manager);
      const current = await pledges.lock(pledge.id);
      if (!current) throw notFound('Không tìm thấy giao ước này.');
      const before = await pledgeImage(audit, pledge.id);
      const verdict = canUpdate(current.status, current.year);
      if (!verdict.allowed) throw conflict(verdict.reason, { status: current.status });
      await pledges.update(
        pledge.id,
        {
          theme,
          bonusCap: input.bonusCap ?? null,
          leadingVoteThreshold: threshold ?? null,
          schemeLegalBasis: legalBasis,
        },
        schemeChanged,
      );
      if (items) {
        await pledges.deleteItems(pledge.id);
        await pledges.insertItems(pledge.id, items);
      }
      await audit.record({
        entityType: 'Pledge',
        entityId: pledge.id,
        before,
        after: await pledgeImage(audit, pledge.id),
      });
    });
  } catch (error) {
    throw translateDatabaseError(error, CONSTRAINTS);
  }
  context.loaders.itemsByPledgeId.clear(pledge.id);
  return reloadPledge(context, pledge.id);
}

/** The lead opens the pledge for signature; from here its items and scoring scheme are frozen. */
export async function openPledge(context: CampaignsContext, id: string): Promise<Pledge> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, id);
  await requireBlocLead(context, await blocYearOf(context, pledge.blocId, pledge.year), pledge.year, 'mở ký giao ước');
  await auditedTransaction(context.db, context, 'openPledge', async (manager, audit) => {
    await lockPledgeFor(manager, pledge.id, 'UPDATE', (current) => canOpen(current.status, current.year));
    const before = await audit.snapshot('pledge', pledge.id);
    await createStores(manager).pledges.markOpen(pledge.id);
    await audit.recordRow('Pledge', 'pledge', pledge.id, before);
  });
  return reloadPledge(context, pledge.id);
}

/** A member signs; the last member's signature makes the pledge SIGNED. */
export async function signPledge(context: CampaignsContext, input: SignPledgeInput): Promise<PledgeSignature> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
  // Who may act first: a stranger learns nothing about the bloc's members or the pledge's state.
  const organization = await unitOrFail(context, input.organizationCode, 'input.organizationCode');
  await requireActFor(context, organization, 'ký giao ước');
  const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
  requireMember(blocYear, organization, pledge.year, 'input.organizationCode');
  // A repeated signature is refused before queueing for the pledge's row lock (a burst of retries must
  // not hold up the members still signing); the unique key stays the last word under a race.
  if (await context.stores.pledges.hasSignature(pledge.id, organization.id))
    throw conflict(`${organization.name} đã ký giao ước này.`, { field: 'input.organizationCode' });
  try {
    const signature = await auditedTransaction(context.db, context, 'signPledge', async (manager, audit) => {
      const { pledges } = createStores(manager);
      // The row lock serializes signatures of one pledge: the last signer sees every other one and
      // moves the pledge to SIGNED exactly once.
      const current = await lockPledgeFor(manager, pledge.id, 'UPDATE', (now) => canSign(now.status, now.year));
      const inserted = await pledges.insertSignature(pledge.id, organization.id, context.caller.subject);
      if (!inserted) throw conflict(`${organization.name} đã ký giao ước này.`, { field: 'input.organizationCode' });
      const signers = new Set(await pledges.signerIds(pledge.id));
      const complete = blocYear.members.every((member) => signers.has(member.organization.id));
      if (complete) await pledges.markSigned(pledge.id);
      await audit.record({
        entityType: 'PledgeSignature',
        entityId: `${pledge.id}/${organization.id}`,
        before: { pledgeStatus: current.status },
        after: { signature: inserted, pledgeStatus: complete ? statusAfterSignature(true) : current.status },
      });
      return inserted;
    });
    context.loaders.pledgeById.clear(pledge.id);
    return signature;
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** The lead closes the year: every member's verified score, ranked (equal totals share a rank). */
export async function closePledge(context: CampaignsContext, id: string): Promise<Pledge> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, id);
  const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
  await requireBlocLead(context, blocYear, pledge.year, 'tổng kết giao ước');
  await auditedTransaction(context.db, context, 'closePledge', async (manager, audit) => {
    const { pledges, pledgeProgress } = createStores(manager);
    await lockPledgeFor(manager, pledge.id, 'UPDATE', (current) => canClose(current.status, current.year));
    const before = await audit.snapshot('pledge', pledge.id);
    const verified = await pledgeProgress.verifiedTotals(pledge.id);
    const have = new Set(verified.map((row) => row.organizationId));
    const missing = blocYear.members
      .filter((member) => !have.has(member.organization.id))
      .map((member) => member.organization.name);
    if (missing.length) throw conflict(`Chưa thẩm định điểm của: ${missing.join(', ')}.`, { missing });
    const ranking = rankByTotal(
      verified.filter((row) => blocYear.members.some((member) => member.organization.id === row.organizationId)),
    );
    await pledges.insertRanking(pledge.id, ranking);
    await pledges.markClosed(pledge.id);
    await audit.record({
      entityType: 'Pledge',
      entityId: pledge.id,
      before,
      after: { pledge: await audit.snapshot('pledge', pledge.id), ranking },
    });
  });
  return reloadPledge(context, pledge.id);
}
