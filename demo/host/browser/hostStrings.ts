/** The form's own words around the control (command bar, header, summary fields), in the page's language. */
export interface HostStrings {
  readonly commands: string;
  readonly save: string;
  readonly refresh: string;
  readonly entityName: string;
  readonly saveStatus: string;
  readonly unsaved: string;
  readonly saving: string;
  readonly saved: string;
  readonly summary: string;
  readonly topic: string;
  readonly dealValue: string;
  readonly closeDate: string;
  readonly saveFailed: string;
  readonly openFailed: string;
}

const english: HostStrings = {
  commands: "Form commands",
  save: "Save",
  refresh: "Refresh",
  entityName: "Opportunity",
  saveStatus: "Save status",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  saved: "Saved",
  summary: "Summary",
  topic: "Topic",
  dealValue: "Est. revenue",
  closeDate: "Est. close date",
  saveFailed: "Your changes were not saved",
  openFailed: "This opportunity could not be opened",
};

const russian: HostStrings = {
  commands: "Команды формы",
  save: "Сохранить",
  refresh: "Обновить",
  entityName: "Возможная сделка",
  saveStatus: "Состояние сохранения",
  unsaved: "Есть несохранённые изменения",
  saving: "Сохранение…",
  saved: "Сохранено",
  summary: "Сводка",
  topic: "Тема",
  dealValue: "Предполагаемый доход",
  closeDate: "Предполагаемая дата закрытия",
  saveFailed: "Изменения не сохранены",
  openFailed: "Не удалось открыть возможную сделку",
};

export function hostStringsFor(languageId: number): HostStrings {
  return languageId === 1049 ? russian : english;
}

/** The locale behind a language id, for formatted values. */
export function localeOf(languageId: number): string {
  return languageId === 1049 ? "ru-RU" : "en-US";
}
