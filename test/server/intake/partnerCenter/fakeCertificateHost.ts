/**
 * An injectable fetch for CertificateStore tests that serves fixed answers by URL and counts the calls, so a test can
 * use an https certificate URL (production rules) without a TLS server, and script failures precisely.
 */

/** What the host answers for one URL: a body with a status, or a thrown network error. */
export type HostAnswer =
  { readonly status?: number; readonly body: string | Buffer; readonly headers?: Record<string, string> } | Error;

/** A fetch with its call log. */
export interface FakeCertificateHost {
  readonly fetch: typeof fetch;
  /** Every URL fetched, in order. */
  readonly calls: string[];
  /** Sets the answers for `url`; answers are used in order and the last one repeats. */
  serve(url: string, ...answers: HostAnswer[]): void;
}

/** A fake host; unknown URLs answer 404. */
export function fakeCertificateHost(): FakeCertificateHost {
  const calls: string[] = [];
  const answers = new Map<string, HostAnswer[]>();
  const fakeFetch = (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    const queue = answers.get(url) ?? [];
    const answer = queue.length > 1 ? queue.shift() : queue[0];
    if (answer === undefined) return Promise.resolve(new Response("not found", { status: 404 }));
    if (answer instanceof Error) return Promise.reject(answer);
    const body = typeof answer.body === "string" ? answer.body : Uint8Array.from(answer.body);
    return Promise.resolve(new Response(body, { status: answer.status ?? 200, headers: answer.headers ?? {} }));
  };
  return {
    fetch: fakeFetch,
    calls,
    serve: (url, ...list) => {
      answers.set(url, list);
    },
  };
}
