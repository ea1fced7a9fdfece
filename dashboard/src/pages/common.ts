/** Pieces several pages share. */
import { GqlFailure, missingServices, query, type GqlError } from '../api';
import { allPages } from '../queries';
import { append, errorBox, h, link, problemsBanner, type Child } from '../ui';

export function organizationLink(organization: { code: string; name: string } | null | undefined): Child {
  if (!organization) return '—';
  return link(`/don-vi/${encodeURIComponent(organization.code)}`, organization.name);
}

/** A section whose request failed: name the missing service when that is why, else the message. */
export function sectionError(error: unknown, retry?: () => void): HTMLElement {
  if (error instanceof GqlFailure && missingServices(error.errors).length) return problemsBanner(error.errors)!;
  return errorBox(error, retry);
}

/** Puts a section's content in place of its placeholder, or its error. */
export async function fill(slot: HTMLElement, isCurrent: () => boolean, build: () => Promise<Child>): Promise<void> {
  try {
    const content = await build();
    if (!isCurrent()) return;
    slot.replaceChildren();
    append(slot, [content]);
  } catch (error) {
    if (isCurrent()) slot.replaceChildren(sectionError(error, () => void fill(slot, isCurrent, build)));
  }
}

interface Connection<N> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: N }[];
}

/** Every node of a connection at `pick(data)`, page after page. */
export function readAll<N, D>(
  document: string,
  variables: Record<string, unknown>,
  pick: (data: D) => Connection<N>,
): Promise<{ nodes: N[]; errors: GqlError[] }> {
  return allPages(async (after) => {
    const { data, errors } = await query<D>(document, { ...variables, after });
    const connection = pick(data) as Connection<N> | null;
    // A connection is null when the service that owns it did not answer: the section says so.
    if (!connection) throw new GqlFailure(errors.map((error) => error.message).join(' '), errors, 200);
    return {
      nodes: connection.edges.map((edge) => edge.node),
      hasNextPage: connection.pageInfo.hasNextPage,
      endCursor: connection.pageInfo.endCursor,
      errors,
    };
  });
}

export function pageHeader(title: string, subtitle: Child, ...tools: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'page-header' },
    h('div', null, h('h1', null, title), subtitle ? h('p', { class: 'subtitle' }, subtitle) : null),
    h('div', { class: 'page-tools' }, ...tools),
  );
}

export function demoMark(isDemo: boolean | null | undefined): Child {
  return isDemo
    ? h('span', { class: 'badge badge-info', title: 'Dữ liệu minh họa, không phải số liệu thật' }, 'minh họa')
    : null;
}
