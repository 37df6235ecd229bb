import { apiRoute, json } from "@/server/http/api-route";
import { lookUpShortAddress } from "@/server/shipping/national-address";

/** A short address (RRRD2929) looked up in the national address service: the building number, street, district, city, postal code. ?lang=ar|en */
export const GET = apiRoute("orders.create", async ({ params, request }) =>
  json({ data: await lookUpShortAddress(params.shortAddress, new URL(request.url).searchParams.get("lang") === "en" ? "en" : "ar") }),
);
