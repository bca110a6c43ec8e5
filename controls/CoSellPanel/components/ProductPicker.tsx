/**
 * Products: the partner's co-sell solutions, searched by name or id as the seller types (Fluent TagPicker: a
 * combobox named "Products" whose suggestions are options), shown as removable tags.
 */
import { type IPickerItemProps, type ITag, type ITagItemProps, Label, TagItem, TagPicker, Text } from "@fluentui/react";
import * as React from "react";
import type { SolutionCatalogEntry } from "../../../core";
import type { ProductsView } from "../model/choicesView";
import type { Translate } from "../model/strings";
import { MaskedField, useId } from "./fieldParts";
import { DismissIcon } from "./icons";
import { useValue } from "./useValue";

export interface ProductPickerProps {
  readonly products: ProductsView;
  readonly t: Translate;
  readonly search: (text: string) => Promise<SolutionCatalogEntry[]>;
  readonly onChange: (ids: string[], picked: readonly SolutionCatalogEntry[]) => void;
}

/** Milliseconds of quiet typing before the catalogue is searched. */
const searchDelayMs = 250;

// The tag's remove button uses Fluent's "Cancel" font icon by default; this inline glyph replaces it.
const removeIconProps = { iconName: "", children: <DismissIcon /> };

function tagOf(entry: SolutionCatalogEntry): ITag {
  return { key: entry.id, name: entry.name };
}

export function ProductPicker({ products, t, search, onChange }: ProductPickerProps) {
  const inputId = useId("products");
  const searchError = useValue<string | null>(null);
  const setSearchError = searchError.set;
  if (products.access === "masked") return <MaskedField label={products.label} hint={t("MaskedHint")} />;

  const selected: ITag[] = products.tags.map(tagOf);
  const resolve = (text: string, current?: ITag[]): Promise<ITag[]> =>
    search(text).then(
      (found) => {
        setSearchError(null);
        const taken = new Set((current ?? []).map((tag) => String(tag.key).toUpperCase()));
        return found.filter((entry) => !taken.has(entry.id.toUpperCase())).map(tagOf);
      },
      (error: unknown) => {
        setSearchError(t("Products_SearchFailed", error instanceof Error ? error.message : String(error)));
        return [];
      },
    );
  // The picker's item props are the TagItem's; the cast only bridges `className?: string | undefined` under
  // exactOptionalPropertyTypes.
  const renderTag = (props: IPickerItemProps<ITag>) => (
    <TagItem
      {...(props as ITagItemProps)}
      title={`${props.item.name} (${String(props.item.key)})`}
      removeButtonIconProps={removeIconProps}
    >
      {props.item.name}
    </TagItem>
  );

  return (
    <div>
      <Label htmlFor={inputId}>{products.label}</Label>
      <TagPicker
        selectedItems={selected}
        onResolveSuggestions={resolve}
        resolveDelay={searchDelayMs}
        onRenderItem={renderTag}
        disabled={products.access !== "editable"}
        removeButtonAriaLabel={t("Products_Remove")}
        inputProps={{ id: inputId, "aria-label": products.label, placeholder: t("Products_Placeholder") }}
        pickerSuggestionsProps={{
          suggestionsHeaderText: t("Products_SuggestionsLabel"),
          suggestionsContainerAriaLabel: t("Products_SuggestionsLabel"),
          noResultsFoundText: t("Products_NoResults"),
          loadingText: t("Products_Searching"),
        }}
        onChange={(items) => {
          const picked = (items ?? []).map((tag) => ({ id: String(tag.key), name: tag.name }));
          onChange(
            picked.map((entry) => entry.id),
            picked,
          );
        }}
      />
      {products.tags.length === 0 && products.access !== "editable" && <Text>{t("Products_None")}</Text>}
      <div aria-live="polite">{searchError.value !== null && <Text>{searchError.value}</Text>}</div>
    </div>
  );
}
