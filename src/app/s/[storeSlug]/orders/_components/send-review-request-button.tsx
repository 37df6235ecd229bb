"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { sendReviewRequestNowAction } from "./review-actions";

/** "Send review request now": skips the wait after delivery (owners and admins). */
export function SendReviewRequestButton({ storeSlug, orderId }: { storeSlug: string; orderId: string }) {
  const t = useTranslations("order.review");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await sendReviewRequestNowAction(storeSlug, { orderId });
            setError(result.ok ? null : result.error.message);
            router.refresh();
          })
        }
      >
        {t("sendNow")}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
