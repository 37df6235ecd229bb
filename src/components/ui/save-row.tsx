import { buttonClass } from "./button";

/** A form's save button with what became of the last save beside it: saved, or the refusal in the reader's words. */
export function SaveRow({ label, pending, saved, error }: { label: string; pending: boolean; saved: string | null; error: string | null }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {label}
      </button>
      {saved && (
        <span role="status" className="text-sm text-emerald-700">
          {saved}
        </span>
      )}
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
