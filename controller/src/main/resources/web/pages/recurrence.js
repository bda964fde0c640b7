// Recurrence of a schedule as the console offers it (once, daily, weekdays, chosen days of the
// week) and the RFC 5545 RRULE it stands for; local dates and times of Asia/Ho_Chi_Minh as plain
// text ('2026-11-24', '06:30'), computed in UTC arithmetic (Viet Nam keeps no daylight saving).
import { t, locale } from '../i18n.js';

/** The days of the week in RRULE order (Monday first, as the calendar). */
export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WEEKDAYS = DAYS.slice(0, 5);

export const strings = {
  vi: {
    'recurrence.once': 'Một lần',
    'recurrence.daily': 'Hằng ngày',
    'recurrence.weekdays': 'Các ngày trong tuần (thứ Hai đến thứ Sáu)',
    'recurrence.days': 'Vào các thứ đã chọn',
    'recurrence.custom': 'Quy tắc riêng',
    'recurrence.says.once': 'Phát một lần vào {when}.',
    'recurrence.says.daily': 'Phát hằng ngày lúc {time}.',
    'recurrence.says.weekdays': 'Phát từ thứ Hai đến thứ Sáu, lúc {time}.',
    'recurrence.says.days': 'Phát hằng tuần vào {days}, lúc {time}.',
    'recurrence.says.custom': 'Phát theo quy tắc riêng, lúc {time}.',
    'recurrence.says.until': 'Đến hết ngày {date}.',
    'recurrence.and': ' và ',
  },
  en: {
    'recurrence.once': 'Once',
    'recurrence.daily': 'Every day',
    'recurrence.weekdays': 'Weekdays (Monday to Friday)',
    'recurrence.days': 'On chosen days of the week',
    'recurrence.custom': 'Custom rule',
    'recurrence.says.once': 'Plays once, on {when}.',
    'recurrence.says.daily': 'Plays every day at {time}.',
    'recurrence.says.weekdays': 'Plays Monday to Friday at {time}.',
    'recurrence.says.days': 'Plays every week on {days} at {time}.',
    'recurrence.says.custom': 'Plays on a custom rule at {time}.',
    'recurrence.says.until': 'Until {date} included.',
    'recurrence.and': ' and ',
  },
};

/** The RRULE for a choice: {kind: once|daily|weekdays|days|custom, days: ['MO', ...], rrule (custom)}. */
export function build(choice) {
  switch (choice.kind) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekdays':
      return `FREQ=WEEKLY;BYDAY=${WEEKDAYS.join(',')}`;
    case 'days': {
      const days = DAYS.filter((day) => (choice.days || []).includes(day));
      return days.length === 0 ? null : `FREQ=WEEKLY;BYDAY=${days.join(',')}`;
    }
    case 'custom':
      return choice.rrule || null;
    default:
      return null;
  }
}

/** The choice an RRULE stands for; a rule the picker cannot show stays as it is ('custom'). */
export function parse(rrule) {
  if (!rrule) {
    return { kind: 'once', days: [] };
  }
  const parts = Object.fromEntries(rrule.replace(/^RRULE:/, '').split(';').filter((p) => p.includes('='))
    .map((part) => part.split('=')));
  const keys = Object.keys(parts).filter((key) => !(key === 'INTERVAL' && parts[key] === '1')
    && !(key === 'WKST' && parts[key] === 'MO'));
  if (parts.FREQ === 'DAILY' && keys.length === 1) {
    return { kind: 'daily', days: [] };
  }
  if (parts.FREQ === 'WEEKLY' && parts.BYDAY && keys.length === 2) {
    const days = parts.BYDAY.split(',');
    if (days.every((day) => DAYS.includes(day))) {
      const sorted = DAYS.filter((day) => days.includes(day));
      const weekdays = sorted.length === 5 && WEEKDAYS.every((day) => sorted.includes(day));
      return { kind: weekdays ? 'weekdays' : 'days', days: sorted };
    }
  }
  return { kind: 'custom', days: [], rrule };
}

function utc(dateText) {
  const [y, m, d] = dateText.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(day) {
  return day.toISOString().slice(0, 10);
}

/** A local date plus n days, as text. */
export function addDays(dateText, n) {
  const day = utc(dateText);
  day.setUTCDate(day.getUTCDate() + n);
  return iso(day);
}

/** The day of the week of a local date, as in RRULE (MO..SU). */
export function dayOf(dateText) {
  return DAYS[(utc(dateText).getUTCDay() + 6) % 7];
}

/** The Monday of the week holding a local date. */
export function monday(dateText) {
  return addDays(dateText, -DAYS.indexOf(dayOf(dateText)));
}

/**
 * The first `count` occurrences (local 'YYYY-MM-DDTHH:MM') of a choice from a local start date and
 * time, up to an optional last date; a custom rule is left to the controller (only its start).
 */
export function occurrences(choice, startDate, startTime, until, count) {
  if (!startDate || !startTime) {
    return [];
  }
  const first = `${startDate}T${startTime}`;
  if (choice.kind === 'once' || choice.kind === 'custom') {
    return [first];
  }
  const days = choice.kind === 'daily' ? DAYS : choice.kind === 'weekdays' ? WEEKDAYS : choice.days || [];
  const found = [];
  for (let i = 0, day = startDate; found.length < count && i < 800 && days.length > 0; i++, day = addDays(day, 1)) {
    if (until && day > until) {
      break;
    }
    if (days.includes(dayOf(day))) {
      found.push(`${day}T${startTime}`);
    }
  }
  return found;
}

/** The name of a day of the week (MO..SU) in the console's language. */
export function dayName(day, style = 'long') {
  // 2024-01-01 was a Monday
  const date = utc(addDays('2024-01-01', DAYS.indexOf(day)));
  return new Intl.DateTimeFormat(locale(), { weekday: style, timeZone: 'UTC' }).format(date);
}

/** A local date as words: "Thứ Hai, 07/01/2030" / "Monday, 07/01/2030"; weekday null: the date alone. */
export function dateWords(dateText, weekday = 'long') {
  return new Intl.DateTimeFormat(locale(), { weekday: weekday || undefined, day: '2-digit', month: '2-digit', year: 'numeric',
    timeZone: 'UTC' }).format(utc(dateText));
}

/** A local date-time ('2030-01-07T06:30' or with seconds) as words. */
export function whenWords(local) {
  return `${dateWords(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** The recurrence as a sentence for people. */
export function describe(choice, startDate, startTime, until) {
  const time = startTime || '';
  let text;
  if (choice.kind === 'once') {
    text = t('recurrence.says.once', { when: startDate ? whenWords(`${startDate}T${time}`) : '' });
  } else if (choice.kind === 'days') {
    const names = DAYS.filter((day) => (choice.days || []).includes(day)).map((day) => dayName(day));
    const days = names.length > 1 ? `${names.slice(0, -1).join(', ')}${t('recurrence.and')}${names.at(-1)}`
      : names.join('');
    text = t('recurrence.says.days', { days, time });
  } else {
    text = t(`recurrence.says.${choice.kind}`, { time });
  }
  return choice.kind !== 'once' && until ? `${text} ${t('recurrence.says.until', { date: dateWords(until) })}` : text;
}
