// The bulletin upload form: file, title, class, language and area, with a progress bar driven by
// the upload's progress events and the controller's refusals (400, 413, 415, 422) said plainly.
import * as api from '../api.js';
import { h, field, alertBox, number } from '../dom.js';
import { t } from '../i18n.js';
import { say } from './page-text.js';
import { areaOptions } from './area-tree.js';

/** Languages offered first (ISO 639 codes as the API takes them); others are typed. */
export const LANGUAGES = ['vi', 'en', 'km', 'hmn', 'tyz', 'jra', 'rad'];

export const strings = {
  vi: {
    'upload.title': 'Tải bản tin lên',
    'upload.file': 'Tệp âm thanh (WAV, MP3 hoặc Ogg Vorbis)',
    'upload.bulletinTitle': 'Tiêu đề bản tin',
    'upload.class': 'Loại',
    'upload.language': 'Ngôn ngữ',
    'upload.area': 'Địa bàn (không bắt buộc)',
    'upload.areaDefault': 'Địa bàn của tôi',
    'upload.submit': 'Tải lên',
    'upload.progress': 'Tiến độ tải lên',
    'upload.sending': 'Đang gửi {percent}',
    'upload.checking': 'Đã gửi xong, máy chủ đang kiểm tra tệp…',
    'upload.done': 'Đã tải lên bản tin “{title}”, đang chờ duyệt.',
    'upload.hint413': 'Hãy chọn tệp nhỏ hơn hoặc cắt ngắn bản tin.',
    'upload.hint415': 'Hãy gửi tệp WAV, MP3 hoặc Ogg Vorbis.',
    'upload.hint422': 'Tệp có thể bị hỏng hoặc chưa tải hết: hãy xuất lại tệp rồi thử lại.',
    'lang.vi': 'Tiếng Việt',
    'lang.en': 'Tiếng Anh',
    'lang.km': 'Tiếng Khmer',
    'lang.hmn': 'Tiếng Mông',
    'lang.tyz': 'Tiếng Tày',
    'lang.jra': 'Tiếng Gia Rai',
    'lang.rad': 'Tiếng Ê Đê',
  },
  en: {
    'upload.title': 'Upload a bulletin',
    'upload.file': 'Audio file (WAV, MP3 or Ogg Vorbis)',
    'upload.bulletinTitle': 'Bulletin title',
    'upload.class': 'Class',
    'upload.language': 'Language',
    'upload.area': 'Area (optional)',
    'upload.areaDefault': 'My area',
    'upload.submit': 'Upload',
    'upload.progress': 'Upload progress',
    'upload.sending': 'Sending {percent}',
    'upload.checking': 'Sent: the controller is checking the file…',
    'upload.done': 'Uploaded “{title}”: it waits for approval.',
    'upload.hint413': 'Choose a smaller file or shorten the bulletin.',
    'upload.hint415': 'Send a WAV, MP3 or Ogg Vorbis file.',
    'upload.hint422': 'The file may be damaged or incomplete: export it again and retry.',
    'lang.vi': 'Vietnamese',
    'lang.en': 'English',
    'lang.km': 'Khmer',
    'lang.hmn': 'Hmong',
    'lang.tyz': 'Tày',
    'lang.jra': 'Jarai',
    'lang.rad': 'Rade (Ê Đê)',
  },
};

/** A language code in words when the console knows it, else the code itself (as data). */
export function languageName(code) {
  return LANGUAGES.includes(code) ? t(`lang.${code}`) : h('span', { 'data-value': true }, code);
}

/** The upload form; onUploaded(bulletin) is called with the new draft. */
export function uploadForm(areas, onUploaded) {
  const file = h('input', { type: 'file', name: 'file', accept: 'audio/*,.wav,.mp3,.ogg,.oga', required: true });
  const title = h('input', { name: 'title', maxlength: '200', required: true, autocomplete: 'off' });
  const bulletinClass = h('select', { name: 'class' }, ['normal', 'priority', 'emergency']
    .map((c) => h('option', { value: c }, t(`class.${c}`))));
  const language = h('select', { name: 'language' }, LANGUAGES.map((code) => h('option', { value: code }, t(`lang.${code}`))));
  const area = h('select', { name: 'areaId' }, h('option', { value: '' }, t('upload.areaDefault')), areaOptions(areas));
  const progress = h('progress', { value: '0', max: '100', 'aria-label': t('upload.progress') });
  const percent = h('span', { class: 'upload-percent', 'aria-live': 'polite' });
  const progressRow = h('div', { class: 'upload-progress', hidden: true }, progress, percent);
  const message = h('div', { class: 'upload-message' });
  const submit = h('button', { type: 'submit' }, t('upload.submit'));

  const showProgress = (sent, total) => {
    progress.max = total;
    progress.value = sent;
    const share = total > 0 ? Math.floor((sent / total) * 100) : 0;
    percent.textContent = sent >= total ? t('upload.checking')
      : t('upload.sending', { percent: `${number(share)} %` });
  };

  const form = h('form', { class: 'upload', async onsubmit(event) {
    event.preventDefault();
    message.replaceChildren();
    const data = new FormData();
    data.append('title', title.value.trim());
    data.append('class', bulletinClass.value);
    data.append('language', language.value);
    if (area.value) {
      data.append('areaId', area.value);
    }
    data.append('file', file.files[0]);
    progressRow.hidden = false;
    progress.removeAttribute('value');
    percent.textContent = t('upload.sending', { percent: '0 %' });
    submit.setAttribute('aria-busy', 'true');
    submit.disabled = true;
    try {
      const bulletin = await api.upload('/bulletins', data, showProgress);
      say('upload.done', { title: bulletin.title });
      form.reset();
      progressRow.hidden = true;
      onUploaded(bulletin);
    } catch (error) {
      progressRow.hidden = true;
      const hint = { 413: 'upload.hint413', 415: 'upload.hint415', 422: 'upload.hint422' }[error.status];
      message.append(alertBox(error));
      if (hint) {
        message.append(h('p', { class: 'hint' }, t(hint)));
      }
    } finally {
      submit.removeAttribute('aria-busy');
      submit.disabled = false;
    }
  } },
  h('div', { class: 'grid-2' },
    field(t('upload.file'), file),
    field(t('upload.bulletinTitle'), title)),
  h('div', { class: 'grid-3' },
    field(t('upload.class'), bulletinClass),
    field(t('upload.language'), language),
    field(t('upload.area'), area)),
  progressRow, message, submit);
  return h('article', { class: 'upload-card', 'aria-labelledby': 'upload-heading' },
    h('h2', { id: 'upload-heading' }, t('upload.title')), form);
}
