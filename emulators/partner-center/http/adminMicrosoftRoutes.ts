/**
 * What Microsoft and its sellers do, through the admin API (shared/reference/partner-center.md §1.5): share a
 * co-sell opportunity with the partner, answer the partner's invitation, edit or close a deal, expire invitations
 * nobody answered. Every action goes through the state's rules and announces its webhook events.
 */
import type { AssistanceRequestCode, Member } from "../../../core";
import { json, type RequestContext, type Router } from "../../http";
import {
  AdminInputError,
  objectBody,
  optionalBoolean,
  optionalText,
  optionalTextList,
  requiredObject,
  requiredText,
  type JsonObject,
} from "../../shared/admin/adminInput";
import type { CloseRequest } from "../adminTypes";
import type { DealUpdate, InboundReferralRequest } from "../state";
import { freshState, type AdminContext } from "./adminContext";
import { withKnownErrors } from "./errors";

const BASE = "/admin/microsoft";

/** Adds the Microsoft-side admin routes. */
export function registerMicrosoftRoutes(router: Router, context: AdminContext): Router {
  const microsoft = () => freshState(context).microsoft;
  const param = (request: RequestContext, name: string) => request.params[name] ?? "";
  return router
    .add(
      "POST",
      `${BASE}/referrals`,
      withKnownErrors(async (request) => {
        const inbound = inboundRequest(await objectBody(request));
        return json(201, microsoft().createInboundReferral(inbound));
      }),
    )
    .add(
      "POST",
      `${BASE}/engagements/:id/accept`,
      withKnownErrors((request) => json(200, microsoft().accept(param(request, "id")))),
    )
    .add(
      "POST",
      `${BASE}/engagements/:id/decline`,
      withKnownErrors((request) => json(200, microsoft().decline(param(request, "id")))),
    )
    .add(
      "POST",
      `${BASE}/engagements/:id/ensure`,
      withKnownErrors((request) => json(200, microsoft().ensureMicrosoftSide(param(request, "id")))),
    )
    .add(
      "PATCH",
      `${BASE}/referrals/:id/deal`,
      withKnownErrors(async (request) => {
        const update = dealUpdate(await objectBody(request));
        return json(200, microsoft().updateDeal(param(request, "id"), update));
      }),
    )
    .add(
      "POST",
      `${BASE}/referrals/:id/close`,
      withKnownErrors(async (request) => {
        const { outcome, ignoreWonDelay } = closeRequest(await objectBody(request));
        const options = ignoreWonDelay === undefined ? {} : { ignoreWonDelay };
        return json(200, microsoft().close(param(request, "id"), outcome, options));
      }),
    )
    .add(
      "POST",
      `${BASE}/expire`,
      withKnownErrors(() => json(200, { expired: context.holder.state.microsoft.expireUnanswered() })),
    );
}

/** Checks the structure the state relies on; field values (country codes, currency…) are the state's to judge. */
function inboundRequest(body: JsonObject): InboundReferralRequest {
  const customer = requiredObject(body, "customer");
  const contacts = body.contacts ?? [];
  if (!Array.isArray(contacts) || !contacts.every((contact) => typeof contact === "object" && contact !== null)) {
    throw new AdminInputError("'contacts' must be an array of members (firstName, lastName, email, phoneNumber).");
  }
  const dealValue = body.dealValue;
  if (typeof dealValue !== "number" || !Number.isFinite(dealValue)) {
    throw new AdminInputError("'dealValue' is required and must be a number.");
  }
  const size = optionalText(customer, "size");
  const name = optionalText(body, "name");
  const notes = optionalText(body, "notes");
  const solutions = optionalTextList(body, "solutions");
  const assistanceRequestCode = optionalText(body, "assistanceRequestCode");
  return {
    customer: {
      name: requiredText(customer, "name"),
      address: requiredObject(customer, "address"),
      ...(size === undefined ? {} : { size: size as NonNullable<InboundReferralRequest["customer"]["size"]> }),
    },
    contacts: contacts as Member[],
    dealValue,
    currency: requiredText(body, "currency"),
    closingDateTime: requiredText(body, "closingDateTime"),
    ...(name === undefined ? {} : { name }),
    ...(notes === undefined ? {} : { notes }),
    ...(solutions === undefined ? {} : { solutions }),
    ...(assistanceRequestCode === undefined
      ? {}
      : { assistanceRequestCode: assistanceRequestCode as AssistanceRequestCode }),
  };
}

function dealUpdate(body: JsonObject): DealUpdate {
  const { dealValue, closingDateTime, notes } = body;
  if (dealValue !== undefined && typeof dealValue !== "number" && typeof dealValue !== "string") {
    throw new AdminInputError("'dealValue' must be a number (or a numeric string) when given.");
  }
  if (notes !== undefined && notes !== null && typeof notes !== "string") {
    throw new AdminInputError("'notes' must be a string or null when given.");
  }
  const closing = optionalText({ closingDateTime }, "closingDateTime");
  if (dealValue === undefined && closing === undefined && notes === undefined) {
    throw new AdminInputError("Give at least one of dealValue, closingDateTime and notes.");
  }
  return {
    ...(dealValue === undefined ? {} : { dealValue }),
    ...(closing === undefined ? {} : { closingDateTime: closing }),
    ...(notes === undefined ? {} : { notes }),
  };
}

function closeRequest(body: JsonObject): CloseRequest {
  const outcome = body.outcome;
  if (outcome !== "Won" && outcome !== "Lost") throw new AdminInputError('\'outcome\' must be "Won" or "Lost".');
  const ignoreWonDelay = optionalBoolean(body, "ignoreWonDelay");
  return ignoreWonDelay === undefined ? { outcome } : { outcome, ignoreWonDelay };
}
