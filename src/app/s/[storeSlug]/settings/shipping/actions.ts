"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/server/errors/app-error";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { boxPresetInput, branchInput, courierInput } from "@/server/shipping/branch-schemas";
import { archiveBranch, createBranch, deleteBranch, restoreBranch, updateBranch } from "@/server/shipping/manage-branches";
import { archiveCourier, createCourier, updateCourier } from "@/server/shipping/manage-couriers";
import { createBoxPreset, deleteBoxPreset } from "@/server/shipping/manage-box-presets";
import { carrierAccountInput, saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { saveShippingPreferences, shippingPreferencesInput } from "@/server/shipping/shipping-preferences";
import { packagingDefaults, packagingRequestInput, renderPackagingEmail } from "@/server/shipping/packaging-request";

// Owners and admins change shipping settings; every action re-checks the store and the role.
const manage = "settings.manage" as const;
const id = z.uuid();

const actions = {
  saveBranch: storeAction({ input: z.strictObject({ branchId: id.optional(), branch: branchInput }), permission: manage }, (input, ctx) =>
    input.branchId ? updateBranch(ctx, input.branchId, input.branch) : createBranch(ctx, input.branch),
  ),
  branchLifecycle: storeAction(
    { input: z.strictObject({ branchId: id, op: z.enum(["archive", "restore", "delete"]) }), permission: manage },
    async (input, ctx) => {
      const run = { archive: archiveBranch, restore: restoreBranch, delete: deleteBranch }[input.op];
      await run(ctx, input.branchId);
      return null;
    },
  ),
  saveCarrier: storeAction({ input: carrierAccountInput, permission: manage }, async (input, ctx) => {
    await saveCarrierAccount(ctx, input);
    return null;
  }),
  saveCourier: storeAction({ input: z.strictObject({ courierId: id.optional(), courier: courierInput }), permission: manage }, async (input, ctx) => {
    if (input.courierId) await updateCourier(ctx, input.courierId, input.courier);
    else await createCourier(ctx, input.courier);
    return null;
  }),
  archiveCourier: storeAction({ input: z.strictObject({ courierId: id }), permission: manage }, async (input, ctx) => {
    await archiveCourier(ctx, input.courierId);
    return null;
  }),
  createBox: storeAction({ input: boxPresetInput, permission: manage }, (input, ctx) => createBoxPreset(ctx, input)),
  deleteBox: storeAction({ input: z.strictObject({ presetId: id }), permission: manage }, async (input, ctx) => {
    await deleteBoxPreset(ctx, input.presetId);
    return null;
  }),
  savePreferences: storeAction({ input: shippingPreferencesInput, permission: manage }, async (input, ctx) => {
    await saveShippingPreferences(ctx, input);
    return null;
  }),
  // Nothing is stored: the request is checked and written in the carrier's template for the merchant to send.
  packagingEmail: storeAction({ input: packagingRequestInput, permission: manage }, async (input) => {
    const platform = packagingDefaults();
    if (!platform) throw new AppError("CONFLICT", "Packaging requests are not set up on this installation.", { say: { key: "packagingNotSetUp" } });
    return renderPackagingEmail(input, platform);
  }),
};

type Actions = typeof actions;

async function run<K extends keyof Actions>(name: K, storeSlug: string, input: Parameters<Actions[K]>[1]): Promise<Awaited<ReturnType<Actions[K]>>> {
  const result = await (actions[name] as (s: string, i: unknown) => ReturnType<Actions[K]>)(storeSlug, input);
  if (result.ok && name !== "packagingEmail") revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

export async function saveBranchAction(storeSlug: string, input: Parameters<Actions["saveBranch"]>[1]) {
  return run("saveBranch", storeSlug, input);
}
export async function branchLifecycleAction(storeSlug: string, input: Parameters<Actions["branchLifecycle"]>[1]) {
  return run("branchLifecycle", storeSlug, input);
}
export async function saveCarrierAction(storeSlug: string, input: Parameters<Actions["saveCarrier"]>[1]) {
  return run("saveCarrier", storeSlug, input);
}
export async function saveCourierAction(storeSlug: string, input: Parameters<Actions["saveCourier"]>[1]) {
  return run("saveCourier", storeSlug, input);
}
export async function archiveCourierAction(storeSlug: string, input: Parameters<Actions["archiveCourier"]>[1]) {
  return run("archiveCourier", storeSlug, input);
}
export async function createBoxAction(storeSlug: string, input: Parameters<Actions["createBox"]>[1]) {
  return run("createBox", storeSlug, input);
}
export async function deleteBoxAction(storeSlug: string, input: Parameters<Actions["deleteBox"]>[1]) {
  return run("deleteBox", storeSlug, input);
}
export async function saveShippingPreferencesAction(storeSlug: string, input: Parameters<Actions["savePreferences"]>[1]) {
  return run("savePreferences", storeSlug, input);
}
export async function packagingEmailAction(storeSlug: string, input: Parameters<Actions["packagingEmail"]>[1]) {
  return run("packagingEmail", storeSlug, input);
}
