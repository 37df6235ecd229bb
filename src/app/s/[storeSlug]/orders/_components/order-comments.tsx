"use client";

import { useState, useTransition } from "react";
import { Ltr, Typed } from "@/components/bidi";
import { mentionParts } from "@/server/orders/mentions";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { CommentDto } from "@/server/orders/comments";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { addCommentAction, deleteCommentAction, editCommentAction } from "./team-actions";

type Member = { id: string; name: string; handle: string };

/** Internal comments: the team's notes on an order, never shown to the customer. */
export function OrderComments({
  storeSlug,
  orderId,
  comments,
  members,
  me,
}: {
  storeSlug: string;
  orderId: string;
  comments: CommentDto[];
  members: Member[];
  me: string;
}) {
  const t = useTranslations("comments");
  const format = useFormatter();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (action: () => Promise<{ ok: boolean; error?: { message: string } }>, after?: () => void) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error?.message ?? null));
      if (result.ok) after?.();
      router.refresh();
    });

  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500">{t("internal")}</p>
      {comments.length === 0 && <p className="text-sm text-slate-600">{t("none")}</p>}
      <ul className="space-y-3">
        {comments.map((c) => (
          <li key={c.id} className="rounded-lg bg-slate-50 p-3">
            <p className="text-xs text-slate-500">
              <Typed className="font-medium text-slate-700">{c.authorName}</Typed> ·{" "}
              <time dateTime={c.createdAt}>{format.dateTime(new Date(c.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
              {c.editedAt && ` · ${t("edited")}`}
            </p>
            {editing?.id === c.id ? (
              <div className="mt-2 space-y-2">
                <textarea
                  aria-label={t("edit")}
                  value={editing.body}
                  onChange={(e) => setEditing({ id: c.id, body: e.target.value })}
                  rows={3}
                  maxLength={2000}
                  className={`${inputClass} py-2`}
                />
                <div className="flex gap-2">
                  <Button
                    type="button"
                    disabled={pending}
                    onClick={() =>
                      run(
                        () => editCommentAction(storeSlug, { commentId: c.id, body: editing.body }),
                        () => setEditing(null),
                      )
                    }
                  >
                    {t("save")}
                  </Button>
                  <Button type="button" variant="ghost" onClick={() => setEditing(null)}>
                    {t("cancel")}
                  </Button>
                </div>
              </div>
            ) : (
              <p className="mt-1 text-sm whitespace-pre-line" dir="auto">
                {mentionParts(c.body).map((part, i) =>
                  part.mention ? (
                    <Typed key={i} className="font-medium text-brand-700">
                      {part.text}
                    </Typed>
                  ) : (
                    part.text
                  ),
                )}
              </p>
            )}
            {c.authorId === me && editing?.id !== c.id && (
              <div className="mt-1 flex gap-1">
                <button type="button" className="min-h-11 px-2 text-sm text-brand-700 hover:underline" onClick={() => setEditing({ id: c.id, body: c.body })}>
                  {t("edit")}
                </button>
                <button
                  type="button"
                  className="min-h-11 px-2 text-sm text-red-700 hover:underline"
                  onClick={() => window.confirm(t("confirmDelete")) && run(() => deleteCommentAction(storeSlug, { commentId: c.id }))}
                >
                  {t("delete")}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim())
            run(
              () => addCommentAction(storeSlug, { orderId, body }),
              () => setBody(""),
            );
        }}
      >
        <textarea
          aria-label={t("add")}
          placeholder={t("placeholder")}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          maxLength={2000}
          className={`${inputClass} py-2`}
        />
        <div className="flex flex-wrap items-center gap-1">
          <span className="text-xs text-slate-500">{t("mention")}</span>
          {members
            .filter((m) => m.id !== me)
            .map((m) => (
              <button
                key={m.id}
                type="button"
                onClick={() => setBody((b) => `${b}${b && !b.endsWith(" ") ? " " : ""}@${m.handle} `)}
                className="min-h-9 rounded-full border border-slate-200 px-2 text-xs hover:bg-slate-50"
                title={m.name}
              >
                <Ltr>@{m.handle}</Ltr>
              </button>
            ))}
        </div>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" variant="secondary" disabled={pending || !body.trim()}>
          {t("post")}
        </Button>
      </form>
    </div>
  );
}
