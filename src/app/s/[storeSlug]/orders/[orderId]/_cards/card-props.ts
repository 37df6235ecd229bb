import type { OrderReview } from "@/server/orders/get-order-review";
import type { OrderPageModel } from "@/server/orders/order-page-model";

/** What every card of the order page is drawn from. */
export type CardProps = { review: OrderReview; model: OrderPageModel; storeSlug: string; timeZone: string };
