/**
 * What the panel reads from the PCF context, as plain values: index.ts builds this on every updateView
 * (contextInputs.ts), and the view-model and the components work only with it, so they are tested without a context.
 */

/** A bound column's value with what field security lets the user do with it. */
export interface BoundField<T> {
  readonly value: T;
  /** False when field security hides the column from this user: the panel shows "***". */
  readonly readable: boolean;
  /** False when the user may not change the column (field security or a read-only form field). */
  readonly editable: boolean;
}

/** One option of a choice column, from `attributes.Options`. */
export interface ChoiceOption {
  readonly value: number;
  readonly label: string;
}

export interface PanelInputs {
  /** The opportunity's id (lower case, no braces), or null for a record that has not been saved yet. */
  readonly recordId: string | null;
  readonly syncWithPartnerCenter: BoundField<boolean>;
  readonly microsoftHelp: BoundField<readonly number[]>;
  /** The options of csb_microsofthelp, in the column's order. */
  readonly microsoftHelpOptions: readonly ChoiceOption[];
  readonly shareWithMicrosoft: BoundField<boolean>;
  /** The solution ids of csb_products, normalized. */
  readonly products: BoundField<readonly string[]>;
  readonly referralId: BoundField<string | null>;
  readonly referralLink: BoundField<string | null>;
  readonly microsoftCrmId: BoundField<string | null>;
  readonly audit: BoundField<string | null>;
  /** csb_syncstatus option value. */
  readonly syncStatus: BoundField<number | null>;
  readonly lastSyncedOn: BoundField<Date | null>;
  /** The form's current name, estimated value and close date; null when empty or not bound. */
  readonly topic: string | null;
  readonly dealValue: number | null;
  /** Calendar date, YYYY-MM-DD. */
  readonly estimatedCloseDate: string | null;
  /** The syncEndpointUrl input property; null when not set. */
  readonly syncEndpointUrl: string | null;
  /** The saved value of Visible to Microsoft sellers when the form opened: once Yes, it can't go back. */
  readonly sharedWhenOpened: boolean;
  readonly formDisabled: boolean;
  /** The width the form gives the control in pixels; -1 or 0 when unknown. */
  readonly allocatedWidth: number;
  /** 1033, 1049…: the user's language, for dates. */
  readonly languageId: number;
}
