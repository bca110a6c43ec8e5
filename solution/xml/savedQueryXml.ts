/**
 * A view as a `SavedQueries/savedqueries/savedquery` element (CustomizationsSolution.xsd SavedQueriesType): its
 * FetchXML query (Fetch.xsd) and its grid layout (layoutxml). A column drawn as an icon names the script and function
 * in the cell's `imageproviderwebresource` and `imageproviderfunctionname`.
 */
import { firstReleaseVersion } from "../definition/identity";
import type { ViewDefinition } from "../definition/views";
import { braced, labelList } from "./labels";
import { element, textElement, type XmlNode } from "./xmlNode";

/** 0: a public view of the table. */
const publicViewQueryType = 0;

function fetchXml(view: ViewDefinition): XmlNode {
  const attributes = [...new Set([...view.columns.map((column) => column.column), view.primaryKey])];
  return element(
    "fetchxml",
    {},
    element(
      "fetch",
      { version: "1.0", mapping: "logical", "output-format": "xml-platform" },
      element(
        "entity",
        { name: view.table },
        attributes.map((name) => element("attribute", { name })),
        element("order", { attribute: view.orderBy.column, descending: view.orderBy.descending }),
        element(
          "filter",
          { type: "and" },
          view.filter.map((condition) =>
            element("condition", { attribute: condition.column, operator: condition.operator, value: condition.value }),
          ),
        ),
      ),
    ),
  );
}

function layoutXml(view: ViewDefinition): XmlNode {
  return element(
    "layoutxml",
    {},
    element(
      "grid",
      { name: "resultset", object: view.objectTypeCode, jump: "name", select: "1", icon: "1", preview: "1" },
      element(
        "row",
        { name: "result", id: view.primaryKey },
        view.columns.map((column) =>
          element("cell", {
            name: column.column,
            width: column.width,
            imageproviderwebresource: column.icon === undefined ? undefined : `$webresource:${column.icon.library}`,
            imageproviderfunctionname: column.icon?.functionName,
          }),
        ),
      ),
    ),
  );
}

/** The table's SavedQueries element holding its views. */
export function savedQueriesElement(views: readonly ViewDefinition[]): XmlNode {
  return element(
    "SavedQueries",
    {},
    element(
      "savedqueries",
      {},
      views.map((view) =>
        element(
          "savedquery",
          {},
          textElement("IsCustomizable", "1"),
          textElement("CanBeDeleted", "1"),
          textElement("isquickfindquery", "0"),
          textElement("isprivate", "0"),
          textElement("isdefault", "0"),
          textElement("savedqueryid", braced(view.id)),
          fetchXml(view),
          textElement("IntroducedVersion", firstReleaseVersion),
          layoutXml(view),
          textElement("querytype", publicViewQueryType),
          textElement("returnedtypecode", view.objectTypeCode),
          labelList("LocalizedNames", "LocalizedName", view.name),
          labelList("Descriptions", "Description", view.description),
        ),
      ),
    ),
  );
}
