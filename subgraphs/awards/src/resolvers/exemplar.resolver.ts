/** Exemplars (điển hình tiên tiến) and the revocation of a grant. */
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { auditedTransaction, badInput, cleanOptionalText, cleanText, conflict, notFound, requireSignedIn, translateDatabaseError } from '@tdkt/subgraph-kit';
import { Grant } from '../types/award.types.js';
import { Organization, Person, organizationRef, personRef } from '../types/federation.types.js';
import { GRANT_COLUMNS, isUuid, toGrant } from '../loaders/award.loaders.js';
import { requireActFor, type AwardsContext } from '../context.js';

export enum RecognizedByKind {
  CONFERENCE = 'CONFERENCE',
  BLOC = 'BLOC',
  MOVEMENT = 'MOVEMENT',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(RecognizedByKind, { name: 'RecognizedByKind', description: 'Nơi tôn vinh, suy tôn điển hình: hội nghị, khối/cụm, phong trào, đơn vị.' });

@ObjectType({ description: 'Điển hình tiên tiến, gương người tốt việc tốt.' })
export class Exemplar {
  @Field(() => ID) id!: string;
  personId!: string | null;
  organizationId!: string | null;
  @Field({ description: 'Lĩnh vực.' }) field!: string;
  @Field({ description: 'Câu chuyện, thành tích.' }) story!: string;
  @Field(() => String, { nullable: true, description: 'Mô hình, cách làm hay.' }) model!: string | null;
  @Field(() => RecognizedByKind) recognizedByKind!: RecognizedByKind;
  @Field({ description: 'Mã hội nghị, khối/cụm, phong trào hoặc đơn vị tôn vinh.' }) recognizedByCode!: string;
  @Field(() => Int) periodFrom!: number;
  @Field(() => Int) periodTo!: number;
}

@InputType()
export class RecordExemplarInput {
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => String, { nullable: true }) organizationCode?: string | null;
  @Field() field!: string;
  @Field() story!: string;
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => RecognizedByKind) recognizedByKind!: RecognizedByKind;
  @Field() recognizedByCode!: string;
  @Field(() => Int) periodFrom!: number;
  @Field(() => Int) periodTo!: number;
  @Field(() => [ID], { nullable: true, description: 'Các lần khen thưởng gắn với điển hình này.' }) grantIds?: string[] | null;
}

@InputType()
export class RevokeGrantInput {
  @Field(() => ID) grantId!: string;
  @Field(() => GraphQLLocalDate) revokedOn!: string;
  @Field() reason!: string;
}

const EXEMPLAR_COLUMNS = `id, person_id AS "personId", organization_id AS "organizationId", field, story, model, recognized_by_kind AS "recognizedByKind",
  recognized_by_code AS "recognizedByCode", period_from AS "periodFrom", period_to AS "periodTo"`;

@Resolver(() => Exemplar)
export class ExemplarResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() exemplar: Exemplar): Person | null {
    return exemplar.personId ? personRef(exemplar.personId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() exemplar: Exemplar): Organization | null {
    return exemplar.organizationId ? organizationRef(exemplar.organizationId) : null;
  }

  @FieldResolver(() => [Grant])
  async grants(@Root() exemplar: Exemplar, @Ctx() context: AwardsContext): Promise<Grant[]> {
    return context.loaders.grantsByExemplarId.load(exemplar.id);
  }

  @Mutation(() => Exemplar, { description: 'Ghi nhận một điển hình tiên tiến (đơn vị quản lý hoặc Ban TĐKT TW).' })
  async recordExemplar(@Ctx() context: AwardsContext, @Arg('input', () => RecordExemplarInput) input: RecordExemplarInput): Promise<Exemplar> {
    requireSignedIn(context);
    if ((input.personId ? 1 : 0) + (input.organizationCode ? 1 : 0) !== 1) throw badInput('Cần đúng một đối tượng: personId (cá nhân) hoặc organizationCode (tập thể).', { field: 'input' });
    const field = cleanText(input.field, { label: 'Lĩnh vực', field: 'input.field', maxLength: 200 });
    const story = cleanText(input.story, { label: 'Thành tích', field: 'input.story', maxLength: 20000, multiline: true });
    const model = cleanOptionalText(input.model, { label: 'Mô hình, cách làm hay', field: 'input.model', maxLength: 2000, multiline: true });
    const recognizedByCode = input.recognizedByCode.trim().toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9_]{1,59}$/.test(recognizedByCode)) throw badInput('Mã nơi tôn vinh không hợp lệ.', { field: 'input.recognizedByCode' });
    if (input.periodTo < input.periodFrom || input.periodFrom < 1945 || input.periodTo > new Date().getUTCFullYear()) throw badInput('Giai đoạn không hợp lệ.', { field: 'input.periodFrom' });
    let unitId: string;
    let personId: string | null = null;
    let organizationId: string | null = null;
    if (input.personId) {
      const person = isUuid(input.personId) ? await context.organizations.personFactsById.load(input.personId) : null;
      if (!person || !person.organization) throw notFound('Không tìm thấy cá nhân này.', { field: 'input.personId' });
      await requireActFor(context, person.organization, 'ghi nhận điển hình');
      unitId = person.organization.id;
      personId = person.id;
    } else {
      const organization = await context.organizations.organizationByCode.load(input.organizationCode!.trim().toUpperCase());
      if (!organization) throw notFound(`Không tìm thấy đơn vị mã ${input.organizationCode}.`, { field: 'input.organizationCode' });
      await requireActFor(context, organization, 'ghi nhận điển hình');
      unitId = organization.id;
      organizationId = organization.id;
    }
    const grantIds = (input.grantIds ?? []).map((id) => id.toLowerCase());
    try {
      return await auditedTransaction(context.db, context, 'recordExemplar', async (manager, audit) => {
        if (grantIds.length) {
          const owned: { id: string }[] = await manager.query(
            `SELECT id FROM award_grant WHERE id = ANY($1::uuid[]) AND coalesce(person_id, organization_id) = $2`,
            [grantIds.filter(isUuid), personId ?? organizationId],
          );
          if (owned.length !== grantIds.length) throw badInput('Có lần khen thưởng không thuộc đối tượng này.', { field: 'input.grantIds' });
        }
        const [row] = await manager.query(
          `INSERT INTO exemplar (person_id, organization_id, recipient_unit_id, field, story, model, recognized_by_kind, recognized_by_code, period_from, period_to, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${EXEMPLAR_COLUMNS}`,
          [personId, organizationId, unitId, field, story, model, input.recognizedByKind, recognizedByCode, input.periodFrom, input.periodTo, context.caller.subject],
        );
        if (grantIds.length) await manager.query(`INSERT INTO exemplar_grant (exemplar_id, grant_id) SELECT $1, unnest($2::uuid[])`, [row.id, grantIds]);
        await audit.record({ entityType: 'Exemplar', entityId: row.id, before: null, after: { exemplar: await audit.snapshot('exemplar', row.id), grantIds } });
        return Object.assign(new Exemplar(), row);
      });
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }

  @Mutation(() => Grant, { description: 'Thu hồi một lần khen thưởng (giữ lại trong sổ, không còn được tính).' })
  async revokeGrant(@Ctx() context: AwardsContext, @Arg('input', () => RevokeGrantInput) input: RevokeGrantInput): Promise<Grant> {
    requireSignedIn(context);
    if (!isUuid(input.grantId)) throw notFound('Không tìm thấy lần khen thưởng này.', { field: 'input.grantId' });
    const reason = cleanText(input.reason, { label: 'Lý do thu hồi', field: 'input.reason', maxLength: 2000, multiline: true });
    const [grant] = await context.db.query(`SELECT ${GRANT_COLUMNS}, d.issuer_organization_id AS "issuerId", d.issued_on::text AS "issuedOn" FROM award_grant g JOIN decision d ON d.id = g.decision_id WHERE g.id = $1`, [input.grantId]);
    if (!grant) throw notFound('Không tìm thấy lần khen thưởng này.', { field: 'input.grantId' });
    // Law Art 93: the authority that decided revokes; here its officers, or the Central Board.
    const issuer = await context.organizations.organizationById.load(grant.issuerId);
    if (!issuer) throw notFound('Không tìm thấy cơ quan đã ra quyết định.');
    await requireActFor(context, issuer, 'thu hồi khen thưởng');
    if (input.revokedOn < grant.issuedOn) throw badInput('Ngày thu hồi trước ngày quyết định khen thưởng.', { field: 'input.revokedOn' });
    await auditedTransaction(context.db, context, 'revokeGrant', async (manager, audit) => {
      const before = await audit.snapshot('award_grant', grant.id);
      const { affected } = await manager.queryRunner!.query(`UPDATE award_grant SET revoked_on = $2, revoke_reason = $3 WHERE id = $1 AND revoked_on IS NULL`, [grant.id, input.revokedOn, reason], true);
      if (!affected) throw conflict('Lần khen thưởng này đã bị thu hồi.');
      await audit.recordRow('Grant', 'award_grant', grant.id, before);
    });
    const [row] = await context.db.query(`SELECT ${GRANT_COLUMNS} FROM award_grant g WHERE g.id = $1`, [grant.id]);
    return toGrant(row);
  }
}

/** Exemplar profiles awards adds to the organizations subgraph's Person. */
@Resolver(() => Person)
export class PersonExemplarsResolver {
  @FieldResolver(() => [Exemplar], { nullable: true, description: 'Các lần được tôn vinh là điển hình tiên tiến.' })
  async exemplarProfiles(@Root() person: Person, @Ctx() context: AwardsContext): Promise<Exemplar[]> {
    return (await context.loaders.exemplarsByPersonId.load(person.id)).map((row) => Object.assign(new Exemplar(), row));
  }
}
