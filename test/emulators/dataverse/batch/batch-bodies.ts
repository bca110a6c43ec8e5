/**
 * Batch request bodies for the tests, written the way clients send them (dataverse.md §4.3): PAD's example shape and
 * a small builder for everything else. `lineEnding` switches between CRLF and bare LF.
 */

export const ORG = "https://contoso.crm.dynamics.com";
export const ACCOUNT_ID = "00000000-0000-0000-0000-000000000001";

/** One inner request. Headers are written in the order given. */
export interface RequestSpec {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly contentId?: string;
  /** Extra MIME part headers, e.g. a different Content-Transfer-Encoding. */
  readonly partHeaders?: Readonly<Record<string, string>>;
}

export interface ChangeSetSpec {
  readonly changeSet: readonly RequestSpec[];
  readonly boundary?: string;
}

export type ItemSpec = RequestSpec | ChangeSetSpec;

export interface BodyOptions {
  readonly boundary?: string;
  readonly lineEnding?: "\r\n" | "\n";
}

export const BATCH_BOUNDARY = "batch_AAA123";
/** The Content-Type of a batch written with {@link batchBody}'s default boundary. */
export const CONTENT_TYPE = `multipart/mixed; boundary="${BATCH_BOUNDARY}"`;

/** A create of `{ name }` in `set`. */
export function create(set: string, name: string, contentId?: string): RequestSpec {
  return {
    method: "POST",
    url: set,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
    ...(contentId === undefined ? {} : { contentId }),
  };
}

/** §4.2: PATCH with `If-Match: *` on a missing row answers 404 instead of creating it. */
export const updateMissing: RequestSpec = {
  method: "PATCH",
  url: "accounts(bbbbbbbb-0000-4000-8000-000000000000)",
  headers: { "Content-Type": "application/json", "If-Match": "*" },
  body: '{"name":"nobody"}',
};

/** Builds a whole batch body, closing delimiter included. */
export function batchBody(items: readonly ItemSpec[], options: BodyOptions = {}): string {
  const boundary = options.boundary ?? BATCH_BOUNDARY;
  const eol = options.lineEnding ?? "\r\n";
  const parts = items.map((item, index) =>
    "changeSet" in item ? changeSetPart(item, index, eol) : requestPart(item, eol),
  );
  return parts.map((part) => `--${boundary}${eol}${part}${eol}`).join("") + `--${boundary}--${eol}`;
}

function changeSetPart(spec: ChangeSetSpec, index: number, eol: string): string {
  const boundary = spec.boundary ?? `changeset_BBB${index}`;
  const inner = spec.changeSet.map((request) => `--${boundary}${eol}${requestPart(request, eol)}${eol}`).join("");
  return `Content-Type: multipart/mixed; boundary="${boundary}"${eol}${eol}${inner}--${boundary}--`;
}

function requestPart(spec: RequestSpec, eol: string): string {
  const partHeaders: Record<string, string> = {
    "Content-Type": "application/http",
    "Content-Transfer-Encoding": "binary",
    ...(spec.contentId === undefined ? {} : { "Content-ID": spec.contentId }),
    ...spec.partHeaders,
  };
  const lines = [
    ...Object.entries(partHeaders).map(([name, value]) => `${name}: ${value}`),
    "",
    `${spec.method} ${spec.url} HTTP/1.1`,
    ...Object.entries(spec.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    "",
    spec.body ?? "",
  ];
  return lines.join(eol);
}

/** The request of PAD's execute-batch-operations example: a change set creating two tasks, then a GET. */
export function padExample(lineEnding: "\r\n" | "\n"): string {
  const text = `--batch_AAA123
Content-Type: multipart/mixed; boundary="changeset_BBB456"

--changeset_BBB456
Content-Type: application/http
Content-Transfer-Encoding:binary
Content-ID: 1

POST ${ORG}/api/data/v9.2/tasks HTTP/1.1
Content-Type: application/json; type=entry

{
"subject":"Task 1 in batch",
"regardingobjectid_account_task@odata.bind":"${ORG}/api/data/v9.2/accounts(${ACCOUNT_ID})"
}
--changeset_BBB456
Content-Type: application/http
Content-Transfer-Encoding:binary
Content-ID: 2

POST ${ORG}/api/data/v9.2/tasks HTTP/1.1
Content-Type: application/json; type=entry

{
"subject":"Task 2 in batch",
"regardingobjectid_account_task@odata.bind":"${ORG}/api/data/v9.2/accounts(${ACCOUNT_ID})"
}
--changeset_BBB456--

--batch_AAA123
Content-Type: application/http
Content-Transfer-Encoding:binary

GET ${ORG}/api/data/v9.2/accounts(${ACCOUNT_ID})/Account_Tasks?$select=subject HTTP/1.1
Accept: application/json


--batch_AAA123--
`;
  return text.replace(/\n/g, lineEnding);
}
