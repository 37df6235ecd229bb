import { Button } from "./button";

/** A form's foot: its submit button (for those who may use it) and what the last submit said. */
export function SaveFooter({
  canEdit,
  pending,
  label,
  message,
  ready = true,
}: {
  canEdit: boolean;
  pending: boolean;
  label: string;
  message: { ok: boolean; text: string } | null;
  /** False while there is nothing to send yet. */
  ready?: boolean;
}) {
  return (
    <>
      {canEdit && (
        <Button type="submit" disabled={pending || !ready}>
          {label}
        </Button>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </>
  );
}
