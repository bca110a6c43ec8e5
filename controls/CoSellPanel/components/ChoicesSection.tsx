/**
 * The seller's choices, in reading order: Sync with Partner Center, How can Microsoft help?, Visible to Microsoft
 * sellers (with its confirmation) and Products.
 */
import { Checkbox, Label, Stack } from "@fluentui/react";
import * as React from "react";
import type { SolutionCatalogEntry } from "../../../core";
import type { HelpView, ProductsView, ShareView, ToggleView } from "../model/choicesView";
import type { Translate } from "../model/strings";
import { MaskedField, SwitchField, useId } from "./fieldParts";
import { CheckIcon } from "./icons";
import { ProductPicker } from "./ProductPicker";
import { ShareDialog } from "./ShareDialog";
import { useValue } from "./useValue";

export interface ChoicesSectionProps {
  readonly sync: ToggleView;
  readonly help: HelpView;
  readonly share: ShareView;
  readonly products: ProductsView;
  readonly t: Translate;
  readonly onSyncChange: (checked: boolean) => void;
  readonly onHelpChange: (values: number[]) => void;
  readonly onShareChange: (checked: boolean) => void;
  readonly onProductsChange: (ids: string[], picked: readonly SolutionCatalogEntry[]) => void;
  readonly searchProducts: (text: string) => Promise<SolutionCatalogEntry[]>;
}

// Fluent's Checkbox draws its tick with the "CheckMark" font icon; this inline glyph replaces it (no icon font).
const checkmarkIconProps = { iconName: "", children: <CheckIcon size={12} /> };

function HelpGroup({
  help,
  maskedHint,
  onChange,
}: {
  help: HelpView;
  maskedHint: string;
  onChange: (values: number[]) => void;
}) {
  const labelId = useId("help");
  if (help.access === "masked") return <MaskedField label={help.label} hint={maskedHint} />;
  const selected = help.options.filter((option) => option.checked).map((option) => option.value);
  return (
    <div role="group" aria-labelledby={labelId}>
      <Label id={labelId}>{help.label}</Label>
      <Stack tokens={{ childrenGap: 6 }}>
        {help.options.map((option) => (
          <Checkbox
            key={option.value}
            label={option.label}
            checked={option.checked}
            disabled={help.access !== "editable"}
            checkmarkIconProps={checkmarkIconProps}
            onChange={(_event, checked) => {
              const others = selected.filter((value) => value !== option.value);
              onChange(checked === true ? [...others, option.value] : others);
            }}
          />
        ))}
      </Stack>
    </div>
  );
}

function ShareField({ share, t, onChange }: { share: ShareView; t: Translate; onChange: (checked: boolean) => void }) {
  const confirming = useValue(false);
  const setConfirming = confirming.set;
  return (
    <>
      <SwitchField
        label={share.label}
        checked={share.checked}
        access={share.access}
        maskedHint={t("MaskedHint")}
        note={share.lockedNote}
        onChange={(checked) => {
          if (checked) setConfirming(true);
          else onChange(false);
        }}
      />
      <ShareDialog
        open={confirming.value}
        title={t("ShareDialog_Title")}
        text={t("ShareDialog_Text")}
        confirmLabel={t("ShareDialog_Confirm")}
        cancelLabel={t("ShareDialog_Cancel")}
        onConfirm={() => {
          setConfirming(false);
          onChange(true);
        }}
        onCancel={() => {
          setConfirming(false);
        }}
      />
    </>
  );
}

export function ChoicesSection(props: ChoicesSectionProps) {
  const { sync, help, share, products, t } = props;
  const maskedHint = t("MaskedHint");
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <SwitchField
        label={sync.label}
        checked={sync.checked}
        access={sync.access}
        maskedHint={maskedHint}
        onChange={props.onSyncChange}
      />
      <HelpGroup help={help} maskedHint={maskedHint} onChange={props.onHelpChange} />
      <ShareField share={share} t={t} onChange={props.onShareChange} />
      <ProductPicker products={products} t={t} search={props.searchProducts} onChange={props.onProductsChange} />
    </Stack>
  );
}
