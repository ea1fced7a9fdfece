/**
 * Unit suggestions for a text field: the officer types part of a name ("tư pháp", "ha noi", without
 * diacritics too) and the field's datalist offers the units found, by name, holding their codes.
 */
import { query } from './api';
import { SEARCH_ORGANIZATIONS } from './queries';
import { nfc } from './text';
import { h } from './ui';

export function suggestUnits(input: HTMLInputElement, options: HTMLDataListElement): void {
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = nfc(input.value);
    if (text.length < 2) return;
    timer = window.setTimeout(async () => {
      try {
        const { data } = await query<{ organizations: { edges: { node: { code: string; name: string } }[] } }>(
          SEARCH_ORGANIZATIONS,
          { search: text, first: 15 },
        );
        options.replaceChildren(
          ...data.organizations.edges.map(({ node }) => h('option', { value: node.code }, node.name)),
        );
      } catch {
        /* suggestions are a convenience */
      }
    }, 250);
  });
}
