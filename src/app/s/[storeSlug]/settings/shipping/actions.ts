"use server";

import { AppError } from "@/server/errors/app-error";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { boxPresetInput, branchInput, courierInput } from "@/server/shipping/branch-schemas";
import { archiveBranch, createBranch, deleteBranch, restoreBranch, updateBranch } from "@/server/shipping/manage-branches";
import { archiveCourier, createCourier, updateCourier } from "@/server/shipping/manage-couriers";
import { createBoxPreset, deleteBoxPreset } from "@/server/shipping/manage-box-presets";
import { carrierAccountInput, saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { saveShippingPreferences, shippingPreferencesInput } from "@/server/shipping/shipping-preferences";
import { lateRulesSchema, saveLateRules } from "@/server/orders/late-rules";
import { carrierChoiceSchema, saveCarrierChoice } from "@/server/shipping/scorecard";
import { packagingDefaults, packagingRequestInput, renderPackagingEmail } from "@/server/shipping/packaging-request";

// Owners and admins change shipping settings; every action re-checks the store and the role. A change
// refreshes the whole store: branches, carriers and boxes show on the order pages too.
const manage = { permission: "settings.manage", revalidate: "store" } as const;
const id = z.uuid();

export const saveBranchAction = storeAction({ input: z.strictObject({ branchId: id.optional(), branch: branchInput }), ...manage }, (input, ctx) =>
  input.branchId ? updateBranch(ctx, input.branchId, input.branch) : createBranch(ctx, input.branch),
);

export const branchLifecycleAction = storeAction(
  { input: z.strictObject({ branchId: id, op: z.enum(["archive", "restore", "delete"]) }), ...manage },
  async (input, ctx) => {
    const run = { archive: archiveBranch, restore: restoreBranch, delete: deleteBranch }[input.op];
    await run(ctx, input.branchId);
    return null;
  },
);

export const saveCarrierAction = storeAction({ input: carrierAccountInput, ...manage }, async (input, ctx) => {
  await saveCarrierAccount(ctx, input);
  return null;
});

export const saveCourierAction = storeAction({ input: z.strictObject({ courierId: id.optional(), courier: courierInput }), ...manage }, async (input, ctx) => {
  if (input.courierId) await updateCourier(ctx, input.courierId, input.courier);
  else await createCourier(ctx, input.courier);
  return null;
});

export const archiveCourierAction = storeAction({ input: z.strictObject({ courierId: id }), ...manage }, async (input, ctx) => {
  await archiveCourier(ctx, input.courierId);
  return null;
});

export const createBoxAction = storeAction({ input: boxPresetInput, ...manage }, (input, ctx) => createBoxPreset(ctx, input));

export const deleteBoxAction = storeAction({ input: z.strictObject({ presetId: id }), ...manage }, async (input, ctx) => {
  await deleteBoxPreset(ctx, input.presetId);
  return null;
});

export const saveShippingPreferencesAction = storeAction({ input: shippingPreferencesInput, ...manage }, async (input, ctx) => {
  await saveShippingPreferences(ctx, input);
  return null;
});

// On-time days and the label form's preselect rule: one document, replaced whole.
export const saveCarrierChoiceAction = storeAction({ input: carrierChoiceSchema, ...manage }, async (input, ctx) => {
  await saveCarrierChoice(ctx, input);
  return null;
});

// Nothing is stored: the request is checked and written in the carrier's template for the merchant to send.
export const packagingEmailAction = storeAction({ input: packagingRequestInput, permission: "settings.manage" }, async (input) => {
  const platform = packagingDefaults();
  if (!platform) throw new AppError("CONFLICT", "Packaging requests are not set up on this installation.", { say: { key: "packagingNotSetUp" } });
  return renderPackagingEmail(input, platform);
});

// When orders count as late: one document, replaced whole.
export const saveLateRulesAction = storeAction({ input: lateRulesSchema, ...manage }, async (input, ctx) => {
  await saveLateRules(ctx, input);
  return null;
});
