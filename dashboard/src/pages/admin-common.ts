/**
 * What the administration screens share: who may open them, the action runner (the page is drawn
 * again after a change, with the result said once), and small form pieces.
 */
import type { Session } from '../auth';
import type { PageContext } from '../main';
import { flash, h, type Child } from '../ui';
import { nfc } from '../text';
import { suggestUnits } from '../unit-suggestions';

/** The menu entry "Quản trị": only for roles that administer something (the Board and TĐKT officers). */
export function adminNav(session: Session | null): [string, string][] {
  return session && (session.role === 'CENTRAL_BOARD' || session.role === 'ORG_OFFICER')
    ? [['/quan-tri', 'Quản trị']]
    : [];
}

/** The screens are for the Board and officers; anyone else is told why, with nothing to click. */
export function adminAllowed(context: PageContext): context is PageContext & { session: Session } {
  if (adminNav(context.session).length) return true;
  context.setTitle('Quản trị');
  context.root.replaceChildren(
    h('h1', null, 'Quản trị'),
    h(
      'p',
      { class: 'alert alert-warning', 'data-testid': 'admin-refused' },
      context.session
        ? 'Tài khoản chỉ xem không quản trị được khối, cụm hay đơn vị. Các trang Quản trị dành cho Ban TĐKT Trung ương và cán bộ thi đua – khen thưởng.'
        : 'Các trang Quản trị dành cho Ban TĐKT Trung ương và cán bộ thi đua – khen thưởng. Hãy đăng nhập.',
    ),
  );
  return false;
}

let pendingFlash: { text: string; tone: 'good' | 'bad' } | null = null;

/** The result of the last action, shown once on the page drawn after it. */
export function resultArea(): HTMLElement {
  const area = h('div', { class: 'action-area', 'aria-live': 'polite' });
  if (pendingFlash) flash(area, pendingFlash.text, pendingFlash.tone);
  pendingFlash = null;
  return area;
}

/** Runs a change; on success the page is drawn again and says `success`; a refusal is said in place. */
export async function runAction<T>(
  context: PageContext,
  area: HTMLElement,
  button: HTMLButtonElement,
  success: (result: T) => string,
  action: () => Promise<T>,
  after?: (result: T) => void,
): Promise<void> {
  button.disabled = true;
  area.replaceChildren();
  try {
    const result = await action();
    pendingFlash = { text: success(result), tone: 'good' };
    if (after) after(result);
    else context.refresh();
  } catch (error) {
    flash(area, error instanceof Error ? error.message : String(error), 'bad');
    button.disabled = false;
  }
}

export function textInput(name: string, props: Record<string, unknown> = {}): HTMLInputElement {
  return h('input', { name, 'data-testid': `input-${name}`, ...props });
}

/** A form that runs `onSubmit` with the button it was sent by, the result said in `area`. */
export function actionForm(
  testId: string,
  title: string,
  fields: Child[],
  buttonText: string,
  onSubmit: (button: HTMLButtonElement) => Promise<void> | void,
): HTMLFormElement {
  const submit = h('button', { type: 'submit', class: 'button-primary', 'data-action': testId }, buttonText);
  const form = h(
    'form',
    { class: 'stack admin-form', 'data-testid': testId },
    h('h3', null, title),
    h('div', { class: 'row' }, fields),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void onSubmit(submit);
  });
  return form;
}

export function field(labelText: string, input: HTMLElement): HTMLElement {
  return h('label', null, labelText, ' ', input);
}

/** Codes typed by an officer, separated by commas, semicolons or spaces, in upper case. */
export function codesOf(text: string): string[] {
  return nfc(text)
    .split(/[\s,;]+/)
    .map((code) => code.toUpperCase())
    .filter(Boolean);
}

export function selectOf(name: string, options: [string, string][], selected?: string): HTMLSelectElement {
  return h(
    'select',
    { name, 'data-testid': `input-${name}` },
    options.map(([value, text]) => h('option', { value, selected: value === selected }, text)),
  );
}

/**
 * A unit field: the officer types part of a name ("tư pháp", "ha noi") and picks the unit from the
 * suggestions, as in the sign-in picker; the field then holds the unit's code, which the API takes.
 */
export function unitPicker(name: string, placeholder: string): HTMLInputElement {
  const listId = `units-${name}`;
  const options = h('datalist', { id: listId });
  const input = textInput(name, { list: listId, placeholder, autocomplete: 'off', required: true, size: '36' });
  suggestUnits(input, options as HTMLDataListElement);
  const wrapper = h('span', { class: 'unit-picker' }, input, options);
  return Object.assign(input, { pickerWrapper: wrapper });
}

/** The element to place for a unit picker (the input with its suggestions). */
export function pickerOf(input: HTMLInputElement): HTMLElement {
  return (input as HTMLInputElement & { pickerWrapper?: HTMLElement }).pickerWrapper ?? input;
}
