import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { OrderActionButton } from "../../_components/order-action-button";
import type { CardProps } from "./card-props";

/** Stage 7: the review request — scheduled, sent, answered or not sent (and why) — and "send now". */
export async function ReviewRequestCard({ review, model, storeSlug, timeZone }: CardProps) {
  if (!model.review.show) return null;
  const [t, format] = await Promise.all([getTranslations("order.review"), getFormatter()]);
  const request = review.reviewRequest;
  const at = (iso: string, withTime = true) => format.dateTime(new Date(iso), { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone });
  return (
    <Card title={t("title")}>
      <div className="space-y-2 text-sm" data-testid="review-request">
        <p>
          {!request && t("none")}
          {request?.status === "scheduled" && t("scheduled", { at: at(request.scheduledFor) })}
          {request?.status === "sent" &&
            (request.submittedAt ? t("submitted", { at: at(request.submittedAt, false) }) : t("sent", { at: at(request.sentAt!) }))}
          {(request?.status === "canceled" || request?.status === "skipped") && t("notSent", { reason: request.reason ?? "" })}
        </p>
        {model.review.canSendNow && <OrderActionButton storeSlug={storeSlug} orderId={review.order.id} action="sendReviewRequest" />}
      </div>
    </Card>
  );
}
