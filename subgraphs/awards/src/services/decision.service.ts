/**
 * Decisions (quyết định khen thưởng): the approved nominations become grants in the same transaction,
 * and only an issuer with the authority of the Law (rules/authority.rule.ts) may sign it.
 */
import {
  auditedTransaction,
  badInput,
  cleanText,
  conflict,
  forbidden,
  isUuid,
  notFound,
  requireActFor,
  requireSignedIn,
  translateDatabaseError,
  vietnamToday,
} from '@tdkt/subgraph-kit';
import { authorityOfIssuer, canDecide } from '../rules/index.js';
import { STATUS_LABELS, type NominationStatus } from '../rules/index.js';
import { cleanDecisionNumber } from '../rules/decision-number.rule.js';
import type { AwardsContext } from '../context.js';
import { createStores } from '../store/index.js';
import type { NominationRow } from '../store/nomination.store.js';
import type { Grant } from '../types/grant.types.js';
import type { IssueDecisionInput } from '../types/nomination.inputs.js';
import { IssuedDecision } from '../types/nomination.types.js';
import { actorOf, lockNomination } from './nomination.service.js';

/** At most this many nominations in one decision (one transaction holds all their locks). */
const MAX_NOMINATIONS = 500;

export async function issueDecision(context: AwardsContext, input: IssueDecisionInput): Promise<IssuedDecision> {
  requireSignedIn(context);
  // Stored as written without invisible characters; compared by its key (rules/decision-number.rule.ts).
  const number = cleanText(cleanDecisionNumber(input.number), {
    label: 'Số quyết định',
    field: 'input.number',
    maxLength: 80,
  });
  // Vietnam's date (UTC+7): a decision dated today there is not in the future.
  if (input.issuedOn > vietnamToday())
    throw badInput('Ngày quyết định không thể ở tương lai.', { field: 'input.issuedOn' });
  const issuer = await context.organizations.organizationByCode.load(input.issuerCode.trim().toUpperCase());
  if (!issuer) throw notFound(`Không tìm thấy cơ quan ban hành mã ${input.issuerCode}.`, { field: 'input.issuerCode' });
  await requireActFor(context, issuer, 'ban hành quyết định');
  if (input.nominationIds.length === 0)
    throw badInput('Quyết định cần ít nhất một hồ sơ đã được thông qua.', { field: 'input.nominationIds' });
  if (input.nominationIds.length > MAX_NOMINATIONS)
    throw badInput('Một quyết định có tối đa 500 hồ sơ.', { field: 'input.nominationIds' });
  const authority = authorityOfIssuer(issuer.kind);
  // Decisions at Prime-Minister level (and the President's) are recorded by the Central Board, which
  // keeps the national register; an officer of CP or CTN does not issue them on its own token.
  if ((authority === 'PRIME_MINISTER' || authority === 'PRESIDENT') && context.caller.role !== 'CENTRAL_BOARD') {
    throw forbidden(`Chỉ Ban Thi đua – Khen thưởng Trung ương được ghi quyết định của ${issuer.name}.`, {
      field: 'input.issuerCode',
    });
  }
  try {
    const { decision, grants } = await auditedTransaction(
      context.db,
      context,
      'issueDecision',
      async (manager, audit) => {
        const stores = createStores(manager);
        const rows: NominationRow[] = [];
        for (const [index, id] of input.nominationIds.entries()) {
          if (!isUuid(id))
            throw notFound(`Không tìm thấy hồ sơ thứ ${index + 1}.`, { field: `input.nominationIds[${index}]` });
          const locked = await lockNomination(stores.nominations, id);
          if (locked.status !== 'APPROVED')
            throw conflict(
              `Hồ sơ thứ ${index + 1} chưa được Hội đồng thông qua (hồ sơ ${STATUS_LABELS[locked.status as NominationStatus]}).`,
              {
                field: `input.nominationIds[${index}]`,
              },
            );
          // Law Art 77–80 (and NĐ 129/2025 Art 59): the issuer must hold the power to decide this form on that date.
          const power = canDecide(authority, locked.awardTypeCode, input.issuedOn);
          // The file stays APPROVED; it is not stuck (rules/nomination-workflow.rule.ts): say the way out.
          if (!power.allowed)
            throw forbidden(
              `${power.reason ?? `${issuer.name} không có thẩm quyền quyết định hình thức khen thưởng này.`} Hồ sơ vẫn ở trạng thái đã được Hội đồng thông qua: cấp có thẩm quyền ra quyết định, hoặc cấp trên của đơn vị trình (Ban TĐKT TW) trả lại hồ sơ, hoặc đơn vị trình rút hồ sơ.`,
              { field: `input.nominationIds[${index}]` },
            );
          rows.push(locked);
        }
        // An issuer decides on nominations proposed by itself or by units under it (Law Art 77–80: each
        // level decides for its own units), never on another unit's approved file.
        if (context.caller.role !== 'CENTRAL_BOARD') {
          const proposers = await Promise.all(
            rows.map((row) => context.organizations.organizationById.load(row.proposedByOrganizationId)),
          );
          const outside = proposers.findIndex(
            (proposer) => !proposer || (proposer.id !== issuer.id && !proposer.ancestorIds.includes(issuer.id)),
          );
          if (outside >= 0) {
            throw forbidden(
              `Hồ sơ thứ ${outside + 1} do ${proposers[outside]?.name ?? 'một đơn vị khác'} trình, không thuộc ${issuer.name}; ${issuer.name} không ra quyết định cho hồ sơ này.`,
              {
                field: `input.nominationIds[${outside}]`,
              },
            );
          }
        }
        const decision = await stores.decisions.insert({
          number,
          issuedOn: input.issuedOn,
          issuerId: issuer.id,
          authority,
          createdBy: context.caller.subject,
        });
        const grants: Grant[] = [];
        for (const row of rows) {
          const grantId = await stores.grants.insertDecided(row, decision.id, row.id);
          grants.push((await stores.grants.byId(grantId))!);
          await stores.nominations.markDecided(row.id, decision.id);
          await stores.nominations.recordEvent(
            row.id,
            'APPROVED',
            'DECIDED',
            actorOf(context),
            `Quyết định số ${number} ngày ${input.issuedOn}`,
          );
        }
        await audit.record({
          entityType: 'Decision',
          entityId: decision.id,
          before: { nominations: rows.map((row) => ({ id: row.id, status: row.status })) },
          after: {
            decision,
            grants: grants.map((grant) => ({ ...grant })),
            nominations: rows.map((row) => ({ id: row.id, status: 'DECIDED' })),
          },
        });
        return { decision, grants };
      },
    );
    return Object.assign(new IssuedDecision(), { ...decision, grants });
  } catch (error) {
    throw translateDatabaseError(error, {
      decision_issuer_number_key_unique: `${issuer.name} đã có quyết định số ${number}.`,
      award_grant_once: 'Đối tượng đã được khen hình thức này cho cùng năm thành tích (Luật TĐKT, Điều 5).',
    });
  }
}
