/** The form's own words around the control (command bar, header, fields, dialogs), in the page's language. */
export interface HostStrings {
  readonly commands: string;
  readonly save: string;
  readonly refresh: string;
  readonly opportunities: string;
  readonly entityName: string;
  readonly saveStatus: string;
  readonly unsaved: string;
  readonly saving: string;
  readonly saved: string;
  readonly summary: string;
  readonly topic: string;
  readonly account: string;
  readonly contact: string;
  readonly currency: string;
  readonly dealValue: string;
  readonly closeDate: string;
  readonly description: string;
  readonly notifications: string;
  readonly levelError: string;
  readonly levelWarning: string;
  readonly levelInfo: string;
  readonly ok: string;
  readonly cancel: string;
  readonly saveFailed: string;
  /** Followed by the control notifications that block the save. */
  readonly saveBlocked: string;
  readonly scriptFailed: string;
  readonly openFailed: string;
}

const english: HostStrings = {
  commands: "Form commands",
  save: "Save",
  refresh: "Refresh",
  opportunities: "Opportunities",
  entityName: "Opportunity",
  saveStatus: "Save status",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  saved: "Saved",
  summary: "Summary",
  topic: "Topic",
  account: "Account",
  contact: "Contact",
  currency: "Currency",
  dealValue: "Est. revenue",
  closeDate: "Est. close date",
  description: "Description",
  notifications: "Notifications",
  levelError: "Error",
  levelWarning: "Warning",
  levelInfo: "Information",
  ok: "OK",
  cancel: "Cancel",
  saveFailed: "Your changes were not saved",
  saveBlocked: "Fix these fields before saving:",
  scriptFailed: "A script of this form failed; tell your admin. The form may not behave as it should",
  openFailed: "This opportunity could not be opened",
};

const russian: HostStrings = {
  commands: "Команды формы",
  save: "Сохранить",
  refresh: "Обновить",
  opportunities: "Возможные сделки",
  entityName: "Возможная сделка",
  saveStatus: "Состояние сохранения",
  unsaved: "Есть несохранённые изменения",
  saving: "Сохранение…",
  saved: "Сохранено",
  summary: "Сводка",
  topic: "Тема",
  account: "Организация",
  contact: "Контакт",
  currency: "Валюта",
  dealValue: "Предполагаемый доход",
  closeDate: "Предполагаемая дата закрытия",
  description: "Описание",
  notifications: "Уведомления",
  levelError: "Ошибка",
  levelWarning: "Предупреждение",
  levelInfo: "Сведения",
  ok: "ОК",
  cancel: "Отмена",
  saveFailed: "Изменения не сохранены",
  saveBlocked: "Исправьте эти поля перед сохранением:",
  scriptFailed: "Сбой скрипта формы; сообщите администратору. Форма может работать неправильно",
  openFailed: "Не удалось открыть возможную сделку",
};

export function hostStringsFor(languageId: number): HostStrings {
  return languageId === 1049 ? russian : english;
}

/** The locale behind a language id, for formatted values. */
export function localeOf(languageId: number): string {
  return languageId === 1049 ? "ru-RU" : "en-US";
}
