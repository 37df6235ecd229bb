import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";

export type BoxPresetDto = { id: string; name: string; lengthCm: number; widthCm: number; heightCm: number };

const toDto = (b: { id: string; name: string; lengthMm: number; widthMm: number; heightMm: number }): BoxPresetDto => ({
  id: b.id,
  name: b.name,
  lengthCm: b.lengthMm / 10,
  widthCm: b.widthMm / 10,
  heightCm: b.heightMm / 10,
});

export async function listBoxPresets(ctx: StoreContext): Promise<BoxPresetDto[]> {
  return (await db.boxPreset.findMany({ where: { storeId: ctx.storeId }, orderBy: { name: "asc" } })).map(toDto);
}

// Sizes are kept in whole millimetres, so a preset of 30.5 cm is exact.
const mm = (cm: number) => Math.round(cm * 10);

export async function createBoxPreset(ctx: StoreContext, input: { name: string; lengthCm: number; widthCm: number; heightCm: number }): Promise<BoxPresetDto> {
  const row = await db.boxPreset.create({
    data: { storeId: ctx.storeId, name: input.name, lengthMm: mm(input.lengthCm), widthMm: mm(input.widthCm), heightMm: mm(input.heightCm) },
  });
  return toDto(row);
}

export async function deleteBoxPreset(ctx: StoreContext, presetId: string): Promise<void> {
  const { count } = await db.boxPreset.deleteMany({ where: { storeId: ctx.storeId, id: presetId } });
  if (!count) throw notFound("Box size");
}
