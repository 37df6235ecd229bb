import { Button } from "./button";

/** A settings form's foot: its save button (for those who may change it) and what the last save said. */
export function SaveFooter({
  canEdit,
  pending,
  label,
  message,
}: {
  canEdit: boolean;
  pending: boolean;
  label: string;
  message: { ok: boolean; text: string } | null;
}) {
  return (
    <>
      {canEdit && (
        <Button type="submit" disabled={pending}>
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
