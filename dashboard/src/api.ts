/**
 * The only way the dashboard reads or writes: POST /graphql on the gateway that served it, with the
 * signed-in person's bearer token. A subgraph that is down gives partial data plus an error with
 * extensions.code SERVICE_UNAVAILABLE and extensions.serviceName: pages show what came and say what
 * is missing (describeProblems).
 */
import { currentSession, signOut } from './auth';
import { CALLER_ROLE, FIELD, ROLE_SCOPE, SERVICE, label } from './labels';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string; field?: string; [key: string]: unknown };
}

export interface GqlResult<T> {
  data: T;
  /** Errors that came with (partial) data. */
  errors: GqlError[];
}

/** A request that produced no data at all. */
export class GqlFailure extends Error {
  constructor(
    message: string,
    readonly errors: GqlError[],
    readonly status: number,
  ) {
    super(message);
    this.name = 'GqlFailure';
  }
}

interface Body<T> {
  data?: T | null;
  errors?: GqlError[];
}

async function post<T>(
  document: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ status: number; body: Body<T> }> {
  const session = currentSession();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: document, variables }),
    });
  } catch {
    throw new GqlFailure('Không kết nối được tới cổng dữ liệu. Kiểm tra mạng rồi thử lại.', [], 0);
  }
  if (response.status === 401) {
    signOut('Mã xác thực không còn được chấp nhận (hết hạn hoặc không hợp lệ); hãy đăng nhập lại.');
  }
  if (response.status === 429) {
    const retry = response.headers.get('retry-after');
    throw new GqlFailure(`Quá nhiều yêu cầu trong thời gian ngắn; thử lại sau ${retry ?? 'ít'} giây.`, [], 429);
  }
  let body: Body<T>;
  try {
    body = (await response.json()) as Body<T>;
  } catch {
    throw new GqlFailure(`Cổng dữ liệu trả lời không đọc được (HTTP ${response.status}).`, [], response.status);
  }
  return { status: response.status, body };
}

/** A read. Resolves with whatever data came (possibly partial) and the errors that came with it. */
export async function query<T>(document: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  const { status, body } = await post<T>(document, variables, {});
  const errors = body.errors ?? [];
  if (body.data === null || body.data === undefined) {
    throw new GqlFailure(
      errors.map((error) => error.message).join(' ') || `Không đọc được dữ liệu (HTTP ${status}).`,
      errors,
      status,
    );
  }
  return { data: body.data, errors };
}

/**
 * The root fields a page cannot do without: a root field is null when the service that owns it did not
 * answer (or the caller may not read it), and the page then shows why (the errors), not an empty page.
 */
export function wholeData<T extends object>(result: GqlResult<T>): { [K in keyof T]: NonNullable<T[K]> } {
  const missing = Object.entries(result.data).filter(([, value]) => value === null || value === undefined);
  if (missing.length)
    throw new GqlFailure(
      result.errors.map((error) => error.message).join(' ') || 'Không đọc được dữ liệu.',
      [...result.errors],
      200,
    );
  return result.data as { [K in keyof T]: NonNullable<T[K]> };
}

/** A write: all or nothing. An idempotency key makes a retried click safe. */
export async function mutate<T>(document: string, variables: Record<string, unknown>): Promise<T> {
  const key = crypto.randomUUID();
  const { status, body } = await post<T>(document, variables, { 'idempotency-key': key });
  if (body.errors?.length || !body.data) {
    const errors = body.errors ?? [];
    throw new GqlFailure(
      errors.map((error) => error.message).join(' ') || `Thao tác không thành công (HTTP ${status}).`,
      errors,
      status,
    );
  }
  return body.data;
}

/** The services that did not answer, by name (from SERVICE_UNAVAILABLE errors). */
export function missingServices(errors: readonly GqlError[]): string[] {
  const names = new Set<string>();
  for (const error of errors) {
    if (error.extensions?.code === 'SERVICE_UNAVAILABLE') names.add(error.extensions.serviceName ?? 'không rõ');
  }
  return [...names];
}

/** Whether a null field is null because the caller may not see it (FORBIDDEN on its path). */
export function forbiddenAt(errors: readonly GqlError[], field: string): boolean {
  return errors.some((error) => error.extensions?.code === 'FORBIDDEN' && (error.path ?? []).includes(field));
}

/** The field an error is about, named for an officer (the last name on its path). */
function fieldOf(error: GqlError): string | null {
  const field = [...(error.path ?? [])].reverse().find((segment) => typeof segment === 'string');
  return typeof field === 'string' ? label(FIELD, field, 'một phần dữ liệu') : null;
}

/**
 * What the signed-in person may see, and why a part is hidden from them: the public is asked to sign
 * in; a signed-in person is told what the role covers (never asked to sign in again).
 */
export function accessSentence(what: string): string {
  const session = currentSession();
  if (!session) return `${capitalize(what)} không công khai: ${ROLE_SCOPE['PUBLIC']} Hãy đăng nhập để xem thêm.`;
  const role = label(CALLER_ROLE, session.role, 'người dùng');
  return `${capitalize(what)} nằm ngoài phạm vi được xem của bạn (${role}). ${label(ROLE_SCOPE, session.role, '')}`.trim();
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** Plain sentences for the errors that came with partial data: which service, which part is missing. */
export function describeProblems(errors: readonly GqlError[]): string[] {
  const lines: string[] = [];
  for (const service of missingServices(errors)) {
    const fields = new Set(
      errors
        .filter(
          (error) =>
            error.extensions?.code === 'SERVICE_UNAVAILABLE' &&
            (error.extensions.serviceName ?? 'không rõ') === service,
        )
        .map(fieldOf)
        .filter((field): field is string => !!field),
    );
    lines.push(
      `Dịch vụ dữ liệu ${label(SERVICE, service, 'của hệ thống')} tạm thời không phản hồi: phần dữ liệu này đang thiếu${fields.size ? ` (${[...fields].join(', ')})` : ''}; các phần khác vẫn hiển thị.`,
    );
  }
  // Fields the caller may not see come back null with FORBIDDEN on their path: one sentence for all.
  const forbidden = new Set(
    errors
      .filter((error) => error.extensions?.code === 'FORBIDDEN')
      .map(fieldOf)
      .filter((field): field is string => !!field),
  );
  if (forbidden.size) lines.push(accessSentence([...forbidden].join(', ')));
  for (const error of errors) {
    const code = error.extensions?.code;
    if (code !== 'SERVICE_UNAVAILABLE' && !(code === 'FORBIDDEN' && fieldOf(error))) lines.push(error.message);
  }
  return [...new Set(lines)];
}
