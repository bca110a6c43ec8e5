/**
 * The checks of shared/reference/partner-center.md §2.4 on a downloaded certificate: valid now, issued by
 * "O=Microsoft Corporation" (step 4) and chaining to a trusted root (step 3, the sample's `certificate.Verify()`).
 *
 * Node has no operating-system chain builder: X509Certificate can only check one link at a time (`checkIssued`
 * plus `verify`). So the trust store is explicit: production deployments configure the Microsoft root and the
 * intermediates that issue the webhook certificate, and the chain is walked through those certificates only.
 */
import type { X509Certificate } from "node:crypto";
import { IntakeError } from "./intakeError";

/** The issuer attribute the sample receiver requires (§2.4 step 4). */
export const MICROSOFT_ISSUER_ORGANIZATION = "O=Microsoft Corporation";

/** Leaf, intermediates, root: real chains are 3 deep; a longer walk means a loop or a misconfigured store. */
const MAX_CHAIN_LENGTH = 6;

/** When a certificate is valid, as instants. */
export interface Validity {
  readonly notBefore: number;
  readonly notAfter: number;
}

/**
 * The validity period of a certificate. Node 20 exposes it only as text ("Nov 25 01:20:17 2026 GMT").
 * @throws IntakeError 401 when the text does not parse.
 */
export function validityOf(certificate: X509Certificate): Validity {
  const notBefore = Date.parse(certificate.validFrom);
  const notAfter = Date.parse(certificate.validTo);
  if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) {
    throw new IntakeError(401, "certificate-invalid", `the certificate ${certificate.subject} has unreadable dates`);
  }
  return { notBefore, notAfter };
}

/** True when `now` (epoch ms) is inside the validity period, both ends included. */
export function isValidAt(validity: Validity, now: number): boolean {
  return now >= validity.notBefore && now <= validity.notAfter;
}

/** @throws IntakeError 401 "certificate-expired" naming the period when `now` is outside it. */
export function assertValidAt(certificate: X509Certificate, validity: Validity, now: number): void {
  if (isValidAt(validity, now)) return;
  const state = now < validity.notBefore ? "is not valid yet" : "has expired";
  throw new IntakeError(
    401,
    "certificate-expired",
    `the signing certificate ${oneLine(certificate.subject)} ${state}: valid from ${certificate.validFrom} ` +
      `to ${certificate.validTo}, now is ${new Date(now).toISOString()}`,
  );
}

/**
 * The issuer must carry exactly the attribute O=Microsoft Corporation. The sample does a substring test on the
 * issuer text, which "O=Microsoft Corporation Ltd" would also pass; comparing whole attributes does not.
 * @throws IntakeError 401 "certificate-untrusted".
 */
export function assertMicrosoftIssuer(certificate: X509Certificate): void {
  const attributes = certificate.issuer.split("\n").map((attribute) => attribute.trim());
  if (attributes.includes(MICROSOFT_ISSUER_ORGANIZATION)) return;
  throw new IntakeError(
    401,
    "certificate-untrusted",
    `the signing certificate's issuer '${oneLine(certificate.issuer)}' ` +
      `does not contain ${MICROSOFT_ISSUER_ORGANIZATION}`,
  );
}

/**
 * Walks from `leaf` up through `trusted` until a self-signed certificate that is itself in `trusted`. Each link
 * must be named as the issuer (`checkIssued`), carry a valid signature (`verify`), be a CA and be valid now.
 * @throws IntakeError 401 "certificate-untrusted" naming the certificate whose issuer was not found.
 */
export function assertChainsToTrustedRoot(
  leaf: X509Certificate,
  trusted: readonly X509Certificate[],
  now: number,
): void {
  let current = leaf;
  for (let length = 1; length <= MAX_CHAIN_LENGTH; length += 1) {
    if (isSelfSigned(current)) {
      if (trusted.some((root) => root.fingerprint256 === current.fingerprint256)) return;
      throw untrusted(leaf, `it ends at the self-signed ${oneLine(current.subject)}, which is not a trusted root`);
    }
    const issuer = trusted.find((candidate) => issues(candidate, current, now));
    if (issuer === undefined) {
      throw untrusted(
        leaf,
        `no trusted certificate issued ${oneLine(current.subject)} (issuer ${oneLine(current.issuer)})`,
      );
    }
    current = issuer;
  }
  throw untrusted(leaf, `the chain is longer than ${MAX_CHAIN_LENGTH} certificates`);
}

function issues(candidate: X509Certificate, subject: X509Certificate, now: number): boolean {
  return (
    candidate.ca &&
    subject.checkIssued(candidate) &&
    subject.verify(candidate.publicKey) &&
    isValidAt(validityOf(candidate), now)
  );
}

function isSelfSigned(certificate: X509Certificate): boolean {
  return certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
}

function untrusted(leaf: X509Certificate, reason: string): IntakeError {
  return new IntakeError(
    401,
    "certificate-untrusted",
    `the signing certificate ${oneLine(leaf.subject)} does not chain to a trusted root: ${reason}`,
  );
}

/** Node separates name attributes with newlines; messages are one line. */
function oneLine(name: string): string {
  return name.split("\n").join(", ");
}
