"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { sendReviewRequestNowAction } from "./review-actions";
import { confirmForCustomerAction, issueInvoiceAction, releaseHoldAction } from "../[orderId]/actions";

// One-click actions on an order's page: the action and its label, by name.
const ACTIONS = {
  /** Skips the wait after delivery (owners and admins). */
  sendReviewRequest: { run: sendReviewRequestNowAction, label: "review.sendNow" },
  /** The customer said yes to a person on the phone instead of answering the message. */
  confirmForCustomer: { run: confirmForCustomerAction, label: "confirmation.confirmForCustomer" },
  /** A person decided about an order held for the customer's risk. */
  releaseHold: { run: releaseHoldAction, label: "releaseHold" },
  /** The store invoices by hand, or the order's last invoice was credited whole. */
  issueInvoice: { run: issueInvoiceAction, label: "invoices.issue" },
} as const;

export function OrderActionButton({ storeSlug, orderId, action }: { storeSlug: string; orderId: string; action: keyof typeof ACTIONS }) {
  const t = useTranslations("order");
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
            const result = await ACTIONS[action].run(storeSlug, { orderId });
            setError(result.ok ? null : result.error.message);
            router.refresh();
          })
        }
      >
        {t(ACTIONS[action].label)}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
