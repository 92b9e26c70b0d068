import type { Translate } from '../../app/i18n';
import { PROGRAMME_FORMS, PROGRAMME_OUTCOMES } from './training.api';

const isForm = (code: string): code is (typeof PROGRAMME_FORMS)[number] => (PROGRAMME_FORMS as readonly string[]).includes(code);
const isOutcome = (code: string): code is (typeof PROGRAMME_OUTCOMES)[number] => (PROGRAMME_OUTCOMES as readonly string[]).includes(code);

/** The server labels forms in Vietnamese only; the code gives the label in the chosen language. */
export function formLabel(form: { code: string; label: string }, t: Translate): string {
  return isForm(form.code) ? t(`training.form.${form.code}`) : form.label;
}

export function outcomeLabel(outcome: { code: string; label: string }, t: Translate): string {
  return isOutcome(outcome.code) ? t(`training.outcome.${outcome.code}`) : outcome.label;
}
