import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { replyOptions } from "@/server/notifications/staff-reply";
import type { StoreContext } from "@/server/auth/context";
import { ReplyForm } from "../../_components/reply-form";
import type { CardProps } from "./card-props";

/** "Message the customer": for those who may update the order, with the channel the message would take now. */
export async function ReplyCard({ review, model, storeSlug, timeZone, ctx }: CardProps & { ctx: StoreContext }) {
  if (!model.may.update) return null;
  const [t, format, options] = await Promise.all([getTranslations("order.reply"), getFormatter(), replyOptions(ctx, review.order.id)]);
  return (
    <Card title={t("title")}>
      {options.off ? (
        <p className="text-sm text-slate-600">{t("off")}</p>
      ) : options.channel ? (
        <ReplyForm
          storeSlug={storeSlug}
          orderId={review.order.id}
          channel={options.channel}
          prices={options.prices}
          until={options.windowEndsAt ? format.dateTime(new Date(options.windowEndsAt), { dateStyle: "medium", timeStyle: "short", timeZone }) : null}
        />
      ) : (
        <p role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("closed")}
        </p>
      )}
    </Card>
  );
}
