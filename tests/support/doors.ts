// The doors into the app that the security suites walk through: every server action with a valid
// input for it, a store seeded with one of everything those inputs name, and a fingerprint of all a
// store owns. The outsider suite calls each door as another store; the hostile-input suite throws
// junk at each door as the store itself.
import { db } from "@/server/db/client";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { fundWallet } from "./wallet";
import { transitionOrder } from "@/server/orders/transition-order";
import { addOrderComment } from "@/server/orders/comments";
import { sendReviewRequestNow } from "@/server/reviews/review-requests";
import { seedOrder, seedStore, type SeededStore } from "./factories";
import { photoStorage } from "@/server/reviews/photo-storage";
import { previewCatalogImport } from "@/server/catalog/catalog-import";
import { exportsDir } from "@/server/orders/export-jobs";
import { applyCarrierEvent } from "@/server/shipping/carrier-events";
import { recordStatement } from "@/server/cod/statements";
import { issueInvoice } from "@/server/tax/tax-documents";
import { setVariantCodes } from "@/server/catalog/variant-codes";
import { packOrder, packOrderInput } from "@/server/packing/pack-order";
import { promises as fs } from "node:fs";
import nodePath from "node:path";

/** An Aramex drop-off label for a small box, bought from the store's wallet. */
export const aramexLabel = (s: SeededStore, orderId: string) =>
  issueLabel(
    s.ctx(),
    orderId,
    issueLabelInput.parse({
      branchId: s.branches[0].id,
      carrier: "aramex",
      packages: [{ weightGrams: 500, lengthCm: 10, widthCm: 10, heightCm: 10 }],
      handover: "dropoff",
    }),
    {},
    { adapters: carrierAdapters() },
  );

export type Victim = {
  s: SeededStore;
  orderId: string;
  customerId: string;
  shipmentId: string;
  commentId: string;
  tagId: string;
  reviewId: string;
  tokenId: string;
  branchId: string;
  courierId: string;
  boxId: string;
  photoId: string;
  topUpId: string;
  staffId: string;
  invitationId: string;
  viewId: string;
  importId: string;
  exportId: string;
  /** Cash on delivery: a delivered parcel's expected cash paid short, its statement, and a line for no parcel of the store's. */
  collectionId: string;
  statementId: string;
  lineId: string;
  codTracking: string;
  /** A (plain) invoice of the delivered order. */
  documentId: string;
  /** A variant with a barcode and a bin, and a packing of the order in progress with its parcel's photo. */
  variantId: string;
  packId: string;
  /** Every id and every distinctive value the victim's store holds: no answer to an outsider may contain one. */
  markers: string[];
};
// `self`: an action about the signed-in user themself (no store in it): it must leave the victim untouched.
// `anyone`: an action anyone may call (no session, no store): it is called with its input alone, and
// `answer` is what it says to whoever calls it with the victim's things ("ok" or an error code).
export type ActionCase = { input: (v: Victim) => unknown; crossIds: boolean; self?: true; anyone?: true; answer?: string };

const ids = (v: Victim) => ({ orderId: v.orderId });

// Every server action: how an outsider would call it with the victim's ids.
export const ACTIONS: Record<string, ActionCase> = {
  // The victim's owner's email with a guess: refused as a wrong password, whoever asks.
  "signin/actions.ts#signInAction": {
    input: (v) => ({ email: v.s.owner.email, password: "a-guess" }),
    crossIds: false,
    anyone: true,
    answer: "UNAUTHENTICATED",
  },
  // Signing up with the victim's address says what it says to anyone ("check your inbox"), and changes nothing of theirs.
  "signup/actions.ts#signUpAction": {
    input: (v) => ({ name: "Someone", email: v.s.owner.email, password: "a-long-password", confirmPassword: "a-long-password" }),
    crossIds: false,
    anyone: true,
    answer: "ok",
  },
  "forgot-password/actions.ts#requestPasswordResetAction": { input: (v) => ({ email: v.s.owner.email }), crossIds: false, anyone: true, answer: "ok" },
  "reset-password/actions.ts#resetPasswordAction": {
    input: () => ({ token: "a".repeat(43), password: "a-long-password", confirmPassword: "a-long-password" }),
    crossIds: false,
    anyone: true,
    answer: "VALIDATION_FAILED",
  },
  "verify-email/actions.ts#verifyEmailAction": { input: () => ({ token: "a".repeat(43) }), crossIds: false, anyone: true, answer: "VALIDATION_FAILED" },
  // Opening a store at the victim's address: named as taken.
  "stores/new/actions.ts#createStoreAction": {
    input: (v) => ({ name: "Mine", slug: v.s.store.slug, locale: "ar", currency: "SAR", timeZone: "Asia/Riyadh" }),
    crossIds: false,
    self: true,
  },
  // A new link to confirm one's own address: only ever about the caller's own account.
  "stores/new/actions.ts#resendVerificationAction": { input: () => ({}), crossIds: false, self: true, answer: "ok" },
  "s/[storeSlug]/account/actions.ts#changePasswordAction": {
    input: () => ({ currentPassword: "not-it", newPassword: "a-new-password", confirmPassword: "a-new-password" }),
    crossIds: false,
    self: true,
  },
  // The team: another store's member or invitation is not found; inviting an address is about one's own store only.
  "s/[storeSlug]/settings/team/actions.ts#inviteMemberAction": { input: (v) => ({ email: `someone-${v.staffId}@test.test`, role: "STAFF" }), crossIds: false },
  "s/[storeSlug]/settings/team/actions.ts#resendInvitationAction": { input: (v) => ({ invitationId: v.invitationId }), crossIds: true },
  "s/[storeSlug]/settings/team/actions.ts#revokeInvitationAction": { input: (v) => ({ invitationId: v.invitationId }), crossIds: true },
  "s/[storeSlug]/settings/team/actions.ts#changeMemberRoleAction": { input: (v) => ({ userId: v.staffId, role: "ADMIN" }), crossIds: true },
  "s/[storeSlug]/settings/team/actions.ts#setOnlyAssignedAction": { input: (v) => ({ userId: v.staffId, on: true }), crossIds: true },
  "s/[storeSlug]/settings/team/actions.ts#removeMemberAction": { input: (v) => ({ userId: v.staffId }), crossIds: true },
  "s/[storeSlug]/settings/team/actions.ts#transferOwnershipAction": { input: (v) => ({ userId: v.staffId, password: "a-guess" }), crossIds: true },
  // An invitation's link with the victim's store and a guessed secret: no such invitation, whoever asks.
  "join/actions.ts#acceptInvitationAction": { input: (v) => ({ store: v.s.store.id, token: "a".repeat(43) }), crossIds: false, self: true },
  "join/actions.ts#joinWithNewAccountAction": {
    input: (v) => ({ store: v.s.store.id, token: "a".repeat(43), name: "Someone", password: "a-long-password", confirmPassword: "a-long-password" }),
    crossIds: false,
    anyone: true,
    answer: "VALIDATION_FAILED",
  },
  "s/[storeSlug]/customers/actions.ts#blockCustomerAction": { input: (v) => ({ customerId: v.customerId, reason: "never answers" }), crossIds: true },
  "s/[storeSlug]/customers/actions.ts#unblockCustomerAction": { input: (v) => ({ customerId: v.customerId }), crossIds: true },
  "s/[storeSlug]/customers/actions.ts#setCustomerPreferenceAction": { input: (v) => ({ customerId: v.customerId, locale: "en" }), crossIds: true },
  "s/[storeSlug]/notification-actions.ts#fetchNotifications": { input: () => ({}), crossIds: false },
  "s/[storeSlug]/notification-actions.ts#markRead": { input: () => ({}), crossIds: false },
  "s/[storeSlug]/orders/[orderId]/actions.ts#executeOrderAction": {
    input: (v) => ({ ...ids(v), idempotencyKey: "outsider-1", to: "canceled", notifyCustomer: false }),
    crossIds: true,
  },
  "s/[storeSlug]/orders/_components/label-actions.ts#issueLabelAction": {
    input: (v) => ({
      ...ids(v),
      idempotencyKey: "outsider-2",
      branchId: v.branchId,
      carrier: "aramex",
      packages: [{ weightGrams: 500, lengthCm: 10, widthCm: 10, heightCm: 10 }],
      handover: "dropoff",
    }),
    crossIds: true,
  },
  "s/[storeSlug]/orders/_components/label-actions.ts#voidLabelAction": { input: (v) => ({ shipmentId: v.shipmentId }), crossIds: true },
  "s/[storeSlug]/orders/_components/label-actions.ts#advanceSimulatorAction": { input: (v) => ({ shipmentId: v.shipmentId }), crossIds: true },
  "s/[storeSlug]/orders/_components/label-actions.ts#labelsForOrdersAction": { input: (v) => ({ orderIds: [v.orderId] }), crossIds: false },
  "s/[storeSlug]/orders/_components/review-actions.ts#sendReviewRequestNowAction": { input: (v) => ids(v), crossIds: true },
  "s/[storeSlug]/orders/_components/tag-actions.ts#addOrderTags": { input: (v) => ({ orderIds: [v.orderId], tags: ["pwned"] }), crossIds: false },
  "s/[storeSlug]/orders/_components/tag-actions.ts#removeOrderTag": {
    input: (v) => ({ orderIds: [v.orderId], tag: v.markers.find((m) => m.startsWith("vip-"))! }),
    crossIds: false,
  },
  "s/[storeSlug]/orders/_components/team-actions.ts#addCommentAction": { input: (v) => ({ ...ids(v), body: "hi" }), crossIds: true },
  "s/[storeSlug]/orders/_components/team-actions.ts#editCommentAction": { input: (v) => ({ commentId: v.commentId, body: "edited" }), crossIds: true },
  "s/[storeSlug]/orders/_components/team-actions.ts#deleteCommentAction": { input: (v) => ({ commentId: v.commentId }), crossIds: true },
  "s/[storeSlug]/orders/_components/team-actions.ts#assignOrderAction": { input: (v) => ({ ...ids(v), userId: null }), crossIds: true },
  "s/[storeSlug]/orders/actions.ts#bulkMoveOrders": { input: (v) => ({ orderIds: [v.orderId], to: "canceled" }), crossIds: false },
  "s/[storeSlug]/orders/actions.ts#saveOrderViewAction": { input: () => ({ name: "mine", shared: true, query: {}, columns: ["date"] }), crossIds: false },
  "s/[storeSlug]/orders/actions.ts#deleteOrderViewAction": { input: (v) => ({ viewId: v.viewId }), crossIds: true },
  "s/[storeSlug]/orders/actions.ts#requestOrdersExportAction": { input: () => ({ query: { format: "csv", columns: "number,customerName" } }), crossIds: false },
  "s/[storeSlug]/settings/cod/actions.ts#saveRiskSettingsAction": { input: () => ({ actions: { medium: "nothing", high: "no_cod" } }), crossIds: false },
  "s/[storeSlug]/settings/cod/actions.ts#saveConfirmationSettingsAction": {
    input: () => ({ ask: "all_cod", waitHours: 1, whenUnanswered: "cancel", label: "refuse" }),
    crossIds: false,
  },
  "s/[storeSlug]/orders/[orderId]/actions.ts#confirmForCustomerAction": { input: (v) => ids(v), crossIds: true },
  "s/[storeSlug]/orders/[orderId]/actions.ts#releaseHoldAction": { input: (v) => ids(v), crossIds: true },
  "s/[storeSlug]/settings/cod/actions.ts#saveStatementColumnsAction": {
    input: () => ({ carrier: "aramex", columns: { tracking: "Shipment", amount: "Cash", reference: "", paidOn: "", amountIn: "major" } }),
    crossIds: false,
  },
  "s/[storeSlug]/settings/cod/actions.ts#saveCodTermsAction": {
    input: () => ({ fee: 1500, min: 1000, max: 500_000, cities: [{ city: "riyadh", fee: 0, min: null, max: null }] }),
    crossIds: false,
  },
  "s/[storeSlug]/cod/actions.ts#settleCollectionAction": { input: (v) => ({ id: v.collectionId, note: "settled" }), crossIds: true },
  "s/[storeSlug]/cod/actions.ts#settleLineAction": { input: (v) => ({ id: v.lineId, note: "settled" }), crossIds: true },
  "s/[storeSlug]/cod/actions.ts#reverseStatementAction": { input: (v) => ({ id: v.statementId, note: "wrong carrier" }), crossIds: true },
  "s/[storeSlug]/cod/actions.ts#fetchStatementsAction": { input: () => ({ carrier: "aramex" }), crossIds: false },
  "s/[storeSlug]/orders/[orderId]/actions.ts#replyToCustomerAction": { input: (v) => ({ ...ids(v), text: "pwned" }), crossIds: true },
  "s/[storeSlug]/orders/[orderId]/actions.ts#issueInvoiceAction": { input: (v) => ids(v), crossIds: true },
  "s/[storeSlug]/orders/[orderId]/actions.ts#issueNoteAction": {
    input: (v) => ({ ...ids(v), kind: "credit_note", amount: 100, reason: "pwned" }),
    crossIds: true,
  },
  "s/[storeSlug]/settings/tax/actions.ts#saveTaxProfileAction": { input: () => ({ vatRegistered: false, legalNameAr: "pwned" }), crossIds: false },
  "s/[storeSlug]/products/actions.ts#applyCatalogImportAction": { input: (v) => ({ importId: v.importId }), crossIds: true },
  "s/[storeSlug]/products/actions.ts#discardCatalogImportAction": { input: (v) => ({ importId: v.importId }), crossIds: true },
  "s/[storeSlug]/products/actions.ts#setVariantCodesAction": { input: (v) => ({ variantId: v.variantId, barcodes: ["PWNED-1"] }), crossIds: true },
  "s/[storeSlug]/reviews/actions.ts#setReviewStatusAction": { input: (v) => ({ reviewId: v.reviewId, status: "hidden" }), crossIds: true },
  "s/[storeSlug]/reviews/actions.ts#replyToReviewAction": { input: (v) => ({ reviewId: v.reviewId, reply: "x" }), crossIds: true },
  "s/[storeSlug]/settings/api-tokens/actions.ts#createApiTokenAction": { input: () => ({ name: "x", role: "STAFF" }), crossIds: false },
  "s/[storeSlug]/settings/api-tokens/actions.ts#revokeApiTokenAction": { input: (v) => ({ tokenId: v.tokenId }), crossIds: true },
  "s/[storeSlug]/settings/reviews/actions.ts#saveReviewSettingsAction": { input: () => ({ enabled: false }), crossIds: false },
  "s/[storeSlug]/settings/shipping/actions.ts#saveBranchAction": {
    input: (v) => ({ branchId: v.branchId, branch: { name: "x", city: "x", address: "x" } }),
    crossIds: true,
  },
  "s/[storeSlug]/settings/shipping/actions.ts#branchLifecycleAction": { input: (v) => ({ branchId: v.branchId, op: "archive" }), crossIds: true },
  "s/[storeSlug]/settings/shipping/actions.ts#saveCarrierAction": { input: () => ({ carrier: "dhl", enabled: true }), crossIds: false },
  "s/[storeSlug]/settings/shipping/actions.ts#saveCourierAction": { input: (v) => ({ courierId: v.courierId, courier: { name: "x" } }), crossIds: true },
  "s/[storeSlug]/settings/shipping/actions.ts#archiveCourierAction": { input: (v) => ({ courierId: v.courierId }), crossIds: true },
  "s/[storeSlug]/settings/shipping/actions.ts#createBoxAction": { input: () => ({ name: "x", lengthCm: 1, widthCm: 1, heightCm: 1 }), crossIds: false },
  "s/[storeSlug]/settings/shipping/actions.ts#deleteBoxAction": { input: (v) => ({ presetId: v.boxId }), crossIds: true },
  "s/[storeSlug]/settings/shipping/actions.ts#saveShippingPreferencesAction": { input: () => ({ carriersUpdateStatus: false }), crossIds: false },
  "s/[storeSlug]/settings/shipping/actions.ts#saveLateRulesAction": {
    input: () => ({ receivedHours: 1, inProgressHours: 1, labelPickupHours: 1, shippedDays: 1, carrierDays: {} }),
    crossIds: false,
  },
  "s/[storeSlug]/settings/shipping/actions.ts#saveCarrierChoiceAction": {
    input: () => ({ onTimeDays: 2, preselect: { enabled: true, maxDays: 2, minRating: 4.5 } }),
    crossIds: false,
  },
  "s/[storeSlug]/settings/shipping/actions.ts#packagingEmailAction": {
    input: () => ({
      storeNumber: "1",
      contactName: "x",
      phone: "0501234567",
      email: "a@b.co",
      city: "x",
      address: "x",
      items: { box_small: 1 },
    }),
    crossIds: false,
  },
  "s/[storeSlug]/settings/sms/actions.ts#saveSmsSettings": { input: () => ({ mode: "OFF", senderName: "x", templates: {} }), crossIds: false },
  "s/[storeSlug]/settings/sms/actions.ts#rotateSmsWebhookSecret": { input: () => ({}), crossIds: false },
  "s/[storeSlug]/settings/refunds/actions.ts#saveRefundSettingsAction": { input: () => ({ staffRefundLimit: 1 }), crossIds: false },
  "s/[storeSlug]/settings/tags/actions.ts#updateTagAction": { input: (v) => ({ tagId: v.tagId, name: "renamed" }), crossIds: true },
  "s/[storeSlug]/settings/tags/actions.ts#deleteTagAction": { input: (v) => ({ tagId: v.tagId }), crossIds: true },
  "s/[storeSlug]/wallet/actions.ts#startTopUpAction": { input: () => ({ amount: 10_000 }), crossIds: false },
  "s/[storeSlug]/wallet/actions.ts#confirmTopUpAction": { input: (v) => ({ topUpId: v.topUpId }), crossIds: true },
  "s/[storeSlug]/wallet/actions.ts#setLowBalanceThresholdAction": { input: () => ({ lowBalanceThreshold: 1 }), crossIds: false },
  "s/[storeSlug]/wallet/actions.ts#setAdminsMayTopUpAction": { input: () => ({ adminsMayTopUp: true }), crossIds: false },
};

// `ownSlug`: what a dashboard handler answers through the outsider's own URL (default: 404, as the
// victim's ids are not its store's); "own-data" for one that lists the outsider's own store.
export type RouteCase = {
  params: (v: Victim) => Record<string, string>;
  body?: (v: Victim) => unknown;
  expect: 404 | "own-data" | "public";
  ownSlug?: "own-data";
};

// Every route handler and method. "own-data": a collection of the caller's own store (checked to hold
// none of the victim's); "public": keyed by a token or signature instead of a store (tested elsewhere).
export const ROUTES: Record<string, RouteCase> = {
  "api/auth/[...nextauth]/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/auth/[...nextauth]/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/public/review-photos/[photoId]/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/public/reviews/[token]/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/public/stores/[slug]/reviews/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/public/stores/[slug]/reviews/route.ts#OPTIONS": { params: () => ({}), expect: "public" },
  "api/v1/openapi.json/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/health/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/webhooks/carriers/[carrier]/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/webhooks/twilio/status/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/webhooks/twilio/inbound/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/public/orders/[token]/confirmation/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/webhooks/payments/moyasar/route.ts#POST": { params: () => ({}), expect: "public" },
  // The payment simulator: keyed by its own secret key and random invoice ids (tests/integration/top-ups.test.ts).
  "payments-sim/v1/invoices/route.ts#POST": { params: () => ({}), expect: "public" },
  "payments-sim/v1/invoices/[invoiceId]/route.ts#GET": { params: () => ({}), expect: "public" },
  "payments-sim/i/[invoiceId]/pay/route.ts#POST": { params: () => ({}), expect: "public" },
  "payments-sim/3ds/[invoiceId]/confirm/route.ts#POST": { params: () => ({}), expect: "public" },
  "widget/reviews.js/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/v1/branches/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/carriers/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/orders/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/orders/export/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/orders/route.ts#POST": { params: () => ({}), expect: "own-data" },
  "api/v1/wallet/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/cod/route.ts#GET": { params: () => ({}), expect: "own-data" },
  // A statement naming the victim's parcels, sent to the caller's own store: matched against nothing of the victim's.
  "api/v1/cod/statements/route.ts#POST": {
    params: () => ({}),
    body: (v) => ({
      carrier: "aramex",
      reference: `OUTSIDER-${v.statementId.slice(0, 8)}`,
      statedTotal: 100,
      lines: [{ trackingNumber: v.codTracking, amount: 100 }],
    }),
    expect: "own-data",
  },
  "api/v1/cod/statements/[statementId]/reversal/route.ts#POST": { params: (v) => ({ statementId: v.statementId }), body: () => ({ note: "x" }), expect: 404 },
  "api/v1/wallet/transactions/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/wallet/top-ups/route.ts#POST": { params: () => ({}), expect: "own-data" },
  "api/v1/wallet/top-ups/[topUpId]/route.ts#GET": { params: (v) => ({ topUpId: v.topUpId }), expect: 404 },
  "api/v1/rates/route.ts#POST": {
    params: () => ({}),
    body: (v) => ({ packages: [{ weightGrams: 100, lengthCm: 1, widthCm: 1, heightCm: 1 }], orderId: v.orderId }),
    expect: 404,
  },
  "api/v1/discounts/redeem/route.ts#POST": {
    params: () => ({}),
    body: () => ({ code: "THX-VICTIM22", orderTotal: 100_000, customerPhone: "+966500000001" }),
    expect: 404,
  },
  "api/v1/branches/[branchId]/pickup-slots/route.ts#GET": { params: (v) => ({ branchId: v.branchId }), expect: 404 },
  "api/v1/customers/[customerId]/block/route.ts#POST": {
    params: (v) => ({ customerId: v.customerId }),
    body: () => ({ reason: "never answers" }),
    expect: 404,
  },
  "api/v1/customers/[customerId]/unblock/route.ts#POST": { params: (v) => ({ customerId: v.customerId }), expect: 404 },
  "api/v1/customers/[customerId]/risk/route.ts#GET": { params: (v) => ({ customerId: v.customerId }), expect: 404 },
  "api/v1/storefront/payment-options/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/orders/[orderId]/route.ts#GET": { params: ids, expect: 404 },
  "api/v1/orders/[orderId]/assignee/route.ts#POST": { params: ids, body: () => ({ userId: null }), expect: 404 },
  "api/v1/orders/[orderId]/comments/route.ts#POST": { params: ids, body: () => ({ body: "x" }), expect: 404 },
  "api/v1/orders/[orderId]/events/route.ts#GET": { params: ids, expect: 404 },
  "api/v1/orders/[orderId]/shipments/route.ts#POST": {
    params: ids,
    body: (v) => ({ branchId: v.branchId, carrier: "aramex", packages: [{ weightGrams: 100, lengthCm: 1, widthCm: 1, heightCm: 1 }], handover: "dropoff" }),
    expect: 404,
  },
  "api/v1/orders/[orderId]/tags/route.ts#POST": { params: ids, body: () => ({ tags: ["x"] }), expect: 404 },
  "api/v1/orders/[orderId]/tags/[tag]/route.ts#DELETE": { params: (v) => ({ ...ids(v), tag: "vip" }), expect: 404 },
  "api/v1/orders/[orderId]/transitions/route.ts#POST": { params: ids, body: () => ({ to: "canceled" }), expect: 404 },
  "api/v1/orders/[orderId]/tax-documents/route.ts#GET": { params: ids, expect: 404 },
  "api/v1/orders/[orderId]/tax-documents/route.ts#POST": { params: ids, body: () => ({ kind: "credit_note", amount: 100, reason: "x" }), expect: 404 },
  "api/v1/tax-documents/[documentId]/route.ts#GET": { params: (v) => ({ documentId: v.documentId }), expect: 404 },
  "api/v1/variants/[variantId]/codes/route.ts#GET": { params: (v) => ({ variantId: v.variantId }), expect: 404 },
  "api/v1/variants/[variantId]/codes/route.ts#PUT": { params: (v) => ({ variantId: v.variantId }), body: () => ({ barcodes: ["PWNED-1"] }), expect: 404 },
  // A lookup in the national address service: nothing of any store in it.
  "api/v1/addresses/[shortAddress]/route.ts#GET": { params: () => ({ shortAddress: "RRRD2929" }), expect: "own-data" },
  "api/v1/shipments/[shipmentId]/label/route.ts#GET": { params: (v) => ({ shipmentId: v.shipmentId }), expect: 404 },
  "api/v1/shipments/[shipmentId]/void/route.ts#POST": { params: (v) => ({ shipmentId: v.shipmentId }), expect: 404 },
  "api/v1/storefront/orders/[orderId]/route.ts#GET": { params: ids, expect: 404 },
  "api/v1/storefront/customers/[customerId]/orders/route.ts#GET": { params: (v) => ({ customerId: v.customerId }), expect: 404 },
  // Dashboard handlers (session, not token): the victim's slug is not found.
  "s/[storeSlug]/labels/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404 },
  "s/[storeSlug]/live/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404, ownSlug: "own-data" },
  "s/[storeSlug]/review-photos/[photoId]/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug, photoId: v.photoId }), expect: 404 },
  "s/[storeSlug]/wallet/export.csv/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404, ownSlug: "own-data" },
  "s/[storeSlug]/orders/export/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404, ownSlug: "own-data" },
  "s/[storeSlug]/orders/exports/[exportId]/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug, exportId: v.exportId }), expect: 404 },
  "s/[storeSlug]/products/export/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404, ownSlug: "own-data" },
  "s/[storeSlug]/products/import/upload/route.ts#POST": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404, ownSlug: "own-data" },
  "s/[storeSlug]/cod/statements/route.ts#POST": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404, ownSlug: "own-data" },
  "s/[storeSlug]/cod/export/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404, ownSlug: "own-data" },
  "s/[storeSlug]/tax-documents/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404 },
  "s/[storeSlug]/papers/pick-list/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404 },
  "s/[storeSlug]/papers/packing-slips/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404 },
  "s/[storeSlug]/tax-documents/[documentId]/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug, documentId: v.documentId }), expect: 404 },
  "s/[storeSlug]/pack/queue/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404, ownSlug: "own-data" },
  "s/[storeSlug]/pack/lookup/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404, ownSlug: "own-data" },
  "s/[storeSlug]/pack/[orderId]/route.ts#POST": {
    params: (v) => ({ storeSlug: v.s.store.slug, orderId: v.orderId }),
    body: () => ({ scans: [] }),
    expect: 404,
  },
  "s/[storeSlug]/pack-photos/[packId]/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug, packId: v.packId }), expect: 404 },
  // The camera's barcode decoder: the same file for anyone, nothing of any store in it.
  "vendor/zxing_reader.wasm/route.ts#GET": { params: () => ({}), expect: "public" },
  // The customer's own document: the order page's token is the only key (tests/integration/tax-invoices.test.ts).
  "o/[token]/documents/[documentId]/route.ts#GET": { params: () => ({}), expect: "public" },
};

/** A fingerprint of everything a store owns: every table with a storeId column, row by row. */
export async function fingerprint(storeId: string): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<
    { table_name: string }[]
  >`SELECT table_name FROM information_schema.columns WHERE column_name = 'storeId' AND table_schema = 'public' ORDER BY table_name`;
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ h: string | null }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${table_name}" t WHERE "storeId" = $1::uuid`,
      storeId,
    );
    out[table_name] = row.h ?? "empty";
  }
  const store = await db.$queryRaw<{ h: string }[]>`SELECT md5(s::text) AS h FROM stores s WHERE id = ${storeId}::uuid`;
  out.stores = store[0].h;
  return out;
}

/** A store with one of everything the doors' inputs name. */
export async function seedDoorsStore(): Promise<Victim> {
  const s = await seedStore();
  await saveCarrierAccount(s.ctx(), { carrier: "aramex", enabled: true });
  await fundWallet(s.ctx(), { amount: 50_000, reference: "t" });
  // Distinctive values, so an answer that leaks any of them is found by searching its body.
  const mark = crypto.randomUUID().slice(0, 8);
  const names = {
    customer: `Victim Customer ${mark}`,
    phone: "+966500000001",
    comment: `internal note ${mark}`,
    tag: `vip-${mark}`,
    courier: `Courier ${mark}`,
    box: `Box ${mark}`,
    review: `Review text ${mark}`,
    photo: `VICTIM-PHOTO-BYTES-${mark}`,
    view: `Victim view ${mark}`,
    importFile: `victim-catalog-${mark}.csv`,
    importProduct: `Victim product ${mark}`,
    exportBytes: `VICTIM-EXPORT-BYTES-${mark}`,
    statement: `VICTIM-STATEMENT-${mark}`,
  };
  const order = await seedOrder(s, { phone: names.phone, name: names.customer });
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  // The warehouse floor: a variant's code and bin, and the order in progress packed (its parcel's photo below).
  const variantId = s.variants["SKU-A"];
  await setVariantCodes(s.ctx(), variantId, { barcodes: [`VICTIMCODE-${mark}`.toUpperCase()], bins: { [s.branches[0].id]: `BIN-${mark}` } });
  const packed = await packOrder(
    s.ctx(),
    order.id,
    packOrderInput.parse({ scans: [{ code: "SKU-A", at: new Date().toISOString() }], weightGrams: 777 }),
    `victim-pack-${mark}`,
  );
  const label = await aramexLabel(s, order.id);
  const delivered = await seedOrder(s);
  for (const to of ["in_progress", "shipped", "delivered"] as const)
    await transitionOrder(s.ctx(), delivered.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "x" } } : {}) });
  await sendReviewRequestNow(s.ctx(), delivered.id);
  const request = await db.reviewRequest.findFirstOrThrow({ where: { storeId: s.store.id } });
  const review = await db.review.create({
    data: {
      storeId: s.store.id,
      requestId: request.id,
      orderId: delivered.id,
      kind: "EXPERIENCE",
      subject: "x",
      rating: 5,
      body: names.review,
      authorName: "A B.",
      status: "PUBLISHED",
    },
  });
  // A real stored photo: a door that served it to an outsider would hand over these very bytes.
  const storageKey = `${s.store.id}/${crypto.randomUUID()}.jpg`;
  await photoStorage().put(storageKey, Buffer.from(names.photo), "image/jpeg");
  const photo = await db.reviewPhoto.create({
    data: { storeId: s.store.id, reviewId: review.id, storageKey, contentType: "image/jpeg", width: 1, height: 1, bytes: names.photo.length },
  });
  const comment = await addOrderComment(s.ctx(), order.id, names.comment);
  const tag = await db.tag.create({ data: { storeId: s.store.id, name: names.tag } });
  await db.orderTag.create({ data: { storeId: s.store.id, orderId: order.id, tagId: tag.id } });
  const token = await db.apiToken.findFirstOrThrow({ where: { storeId: s.store.id } });
  const courier = await db.manualCourier.create({ data: { storeId: s.store.id, name: names.courier } });
  const box = await db.boxPreset.create({ data: { storeId: s.store.id, name: names.box, lengthMm: 100, widthMm: 100, heightMm: 100 } });
  const customerId = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).customerId;
  // A top-up waiting for its payment (its invoice at the provider is not asked in these suites).
  const topUp = await db.walletTopUp.create({
    data: {
      storeId: s.store.id,
      amount: 10_000,
      currency: "SAR",
      provider: "moyasar",
      providerInvoiceId: crypto.randomUUID(),
      checkoutUrl: "https://checkout.example/i/1",
    },
  });
  // A staff member and an open invitation: the team's doors name them.
  const staff = await db.user.create({
    data: { email: `staff-${mark}@test.test`, name: `Staff ${mark}`, passwordHash: "x", emailVerifiedAt: new Date() },
  });
  await db.membership.create({ data: { storeId: s.store.id, userId: staff.id, role: "STAFF" } });
  const invitation = await db.storeInvitation.create({
    data: { storeId: s.store.id, email: `invited-${mark}@test.test`, role: "STAFF", tokenHash: `hash-${mark}`, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  // A view of the orders list shared with the store.
  const view = await db.orderView.create({
    data: { storeId: s.store.id, name: names.view, ownerId: null, createdById: s.owner.id, query: { tag: names.tag }, columns: ["date"] },
  });
  // A products file read and waiting to be applied.
  const preview = await previewCatalogImport(s.ctx(), {
    name: names.importFile,
    bytes: new TextEncoder().encode(`SKU,Product,Price,Weight (g)\nVICTIM-${mark},${names.importProduct},10,100\n`),
  });
  // An export the owner had prepared, its file on disk: a door that served it to an outsider would hand over these bytes.
  const prepared = await db.fileExport.create({
    data: {
      storeId: s.store.id,
      requestedById: s.owner.id,
      format: "csv",
      query: {},
      locale: "en",
      status: "READY",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  // Cash on delivery: a COD parcel delivered by the carrier, paid short in a statement with a line for no parcel of the store's.
  const codOrder = await seedOrder(s);
  await transitionOrder(s.ctx(), codOrder.id, { to: "in_progress", notifyCustomer: false });
  const codLabel = await aramexLabel(s, codOrder.id);
  await applyCarrierEvent("aramex", { trackingNumber: codLabel.trackingNumber!, status: "delivered" });
  const collection = await db.codCollection.findFirstOrThrow({ where: { storeId: s.store.id, orderId: codOrder.id } });
  const statement = await recordStatement(s.ctx(), {
    carrier: "aramex",
    reference: names.statement,
    statedTotal: collection.amount - 100 + 700,
    lines: [
      { trackingNumber: codLabel.trackingNumber!, amount: collection.amount - 100 },
      { trackingNumber: `NOT-OURS-${mark}`, amount: 700 },
    ],
    source: "upload",
  });
  const line = await db.codEntry.findFirstOrThrow({ where: { storeId: s.store.id, statementId: statement.id, collectionId: null } });
  const document = await issueInvoice(s.ctx(), delivered.id);
  await db.orderPack.update({
    where: { storeId_id: { storeId: s.store.id, id: packed.packId } },
    data: { photoKey: storageKey },
  });
  const exportFile = nodePath.join(exportsDir(), s.store.id, `${prepared.id}.csv`);
  await fs.mkdir(nodePath.dirname(exportFile), { recursive: true });
  await fs.writeFile(exportFile, names.exportBytes);
  await db.fileExport.update({ where: { storeId_id: { storeId: s.store.id, id: prepared.id } }, data: { bytes: names.exportBytes.length } });
  const ids = {
    variantId,
    packId: packed.packId,
    documentId: document.id,
    collectionId: collection.id,
    statementId: statement.id,
    lineId: line.id,
    codTracking: codLabel.trackingNumber!,
    exportId: prepared.id,
    importId: preview.id,
    viewId: view.id,
    staffId: staff.id,
    invitationId: invitation.id,
    topUpId: topUp.id,
    orderId: order.id,
    customerId,
    shipmentId: label.id,
    commentId: comment.id,
    tagId: tag.id,
    reviewId: review.id,
    tokenId: token.id,
    branchId: s.branches[1].id,
    courierId: courier.id,
    boxId: box.id,
    photoId: photo.id,
  };
  const more = [
    staff.email,
    invitation.email,
    s.store.id,
    s.store.slug,
    s.store.name,
    delivered.id,
    request.id,
    request.token,
    s.branches[0].id,
    s.branches[2].id,
    `VICTIMCODE-${mark}`.toUpperCase(),
    `BIN-${mark}`,
    label.trackingNumber!,
    codOrder.id,
    codLabel.trackingNumber!,
    ...Object.values(s.variants),
  ];
  return { s, ...ids, markers: [...Object.values(ids), ...more, ...Object.values(names)] };
}
