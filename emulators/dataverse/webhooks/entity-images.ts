/**
 * `PreEntityImages` and `PostEntityImages` (dataverse.md §3.2 and §3.3): one `{key: entityalias, value: Entity}` per
 * registered image, the Entity without a `__type` hint (its declared type is Entity), holding the registered columns.
 */
import { primaryIdAttributeOf, type ChangeNotification } from "./change-notification";
import type { JsonValue } from "./data-contract-json";
import {
  ImageType,
  parseAttributeList,
  StepMode,
  type StepImageRegistration,
  type StepRegistration,
} from "./registrations";
import { entityJson, keyValue, type MultiSelectEncoding } from "./sdk-contracts";
import { typedValue, type TypedAttributes, type TypedValue } from "./typed-values";

/** The name of the image Dataverse adds to asynchronous steps that register no post-image (§3.3). */
export const ASYNC_PRIMARY_NAME_IMAGE = "AsynchronousStepPrimaryName";

/** Which list an image goes to. */
export type ImageSide = "pre" | "post";

/** What the image builder needs besides the notification and the step. */
export interface ImageSettings {
  readonly multiSelect: MultiSelectEncoding;
  /** Add `AsynchronousStepPrimaryName` to asynchronous steps without a registered post-image. */
  readonly asyncPrimaryNameImage: boolean;
}

function isOnSide(image: StepImageRegistration, side: ImageSide): boolean {
  if (image.imagetype === ImageType.Both) return true;
  return side === "pre" ? image.imagetype === ImageType.PreImage : image.imagetype === ImageType.PostImage;
}

/** There is no row before a Create and none after a Delete; otherwise the organization passes the full rows. */
function rowFor(notification: ChangeNotification, side: ImageSide): TypedAttributes | undefined {
  if (side === "pre") return notification.message === "Create" ? undefined : notification.preImage;
  return notification.message === "Delete" ? undefined : notification.postImage;
}

/** The registered columns in the row's order; null (or an empty list) means every column. */
function selectColumns(row: TypedAttributes, columnList: string | null): TypedAttributes {
  const wanted = new Set(parseAttributeList(columnList));
  if (wanted.size === 0) return row;
  return Object.fromEntries(Object.entries(row).filter(([name]) => wanted.has(name.toLowerCase())));
}

function imageEntity(notification: ChangeNotification, attributes: TypedAttributes, settings: ImageSettings) {
  const entity = { logicalName: notification.entityName, id: notification.id, attributes, rowVersion: null };
  return entityJson(entity, settings.multiSelect, false);
}

/** The auto-added image: the primary name (when known and set), then the primary key, as in the §3.3 example. */
function primaryNameImage(notification: ChangeNotification, settings: ImageSettings): JsonValue {
  const attributes: Record<string, TypedValue> = {};
  const nameColumn = notification.primaryNameAttribute;
  if (nameColumn !== undefined) {
    const name = notification.postImage?.[nameColumn] ?? notification.target[nameColumn];
    if (name !== undefined && name.type !== "null") attributes[nameColumn] = name;
  }
  attributes[primaryIdAttributeOf(notification)] = typedValue.guid(notification.id);
  return keyValue(ASYNC_PRIMARY_NAME_IMAGE, imageEntity(notification, attributes, settings));
}

/**
 * The images of `step` on one side. A registered image whose row the notification does not carry is left out
 * (the platform cannot take an image of a row that does not exist).
 */
export function entityImagesJson(
  notification: ChangeNotification,
  step: StepRegistration,
  side: ImageSide,
  settings: ImageSettings,
): JsonValue {
  const registered = step.images.filter((image) => isOnSide(image, side));
  const row = rowFor(notification, side);
  const images =
    row === undefined
      ? []
      : registered.map((image) => {
          return keyValue(image.entityalias, imageEntity(notification, selectColumns(row, image.attributes), settings));
        });
  const addsPrimaryName =
    side === "post" &&
    settings.asyncPrimaryNameImage &&
    step.mode === StepMode.Asynchronous &&
    registered.length === 0 &&
    notification.message !== "Delete";
  return addsPrimaryName ? [...images, primaryNameImage(notification, settings)] : images;
}
