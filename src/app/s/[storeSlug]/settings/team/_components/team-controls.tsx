"use client";

import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/server/actions/action-client";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  setOnlyAssignedAction,
  transferOwnershipAction,
} from "../actions";

/** Runs one of the team's actions and keeps its refusal (already in the reader's words) to show beside the control. */
function useTeamAction() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const router = useRouter();
  const run = (call: () => Promise<ActionResult<unknown>>, after?: (result: ActionResult<unknown>) => void) =>
    startTransition(async () => {
      const outcome = await call();
      setResult(outcome);
      after?.(outcome);
      router.refresh();
    });
  const error = result && !result.ok ? result.error : null;
  return { pending, result, error, run };
}

function Refusal({ error }: { error: { message: string } | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {error.message}
    </p>
  );
}

export function InviteForm({ storeSlug }: { storeSlug: string }) {
  const t = useTranslations("team");
  const { pending, result, error, run } = useTeamAction();
  const [role, setRole] = useState<"STAFF" | "ADMIN">("STAFF");
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const email = String(data.get("email") ?? "");
        run(
          () => inviteMemberAction(storeSlug, { email, role, onlyAssignedOrders: data.get("onlyAssignedOrders") === "on" }),
          (outcome) => {
            if (outcome.ok) {
              setSentTo(email.trim());
              form.reset();
              setRole("STAFF");
            } else setSentTo(null);
          },
        );
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem] sm:items-start">
        <Field
          label={t("email")}
          name="email"
          type="email"
          dir="ltr"
          required
          autoComplete="off"
          error={error?.fields?.email}
          onChange={() => setSentTo(null)}
        />
        <div className="text-sm">
          <label htmlFor="invite-role" className="mb-1 block font-medium text-slate-700">
            {t("role")}
          </label>
          <select id="invite-role" name="role" value={role} onChange={(e) => setRole(e.target.value as "STAFF" | "ADMIN")} className={inputClass}>
            <option value="STAFF">{t("roles.STAFF")}</option>
            <option value="ADMIN">{t("roles.ADMIN")}</option>
          </select>
        </div>
      </div>
      <p className="text-sm text-slate-600">{t(`roleHelp.${role}`)}</p>
      {role === "STAFF" && (
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="checkbox" name="onlyAssignedOrders" className="size-5" />
          {t("onlyAssigned")}
        </label>
      )}
      {error && !error.fields?.email && <Refusal error={error} />}
      {result?.ok && sentTo && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t.rich("invited", { email: sentTo, addr: (chunks) => <bdi dir="ltr">{chunks}</bdi> })}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {t("invite")}
      </Button>
    </form>
  );
}

export function MemberControls({
  storeSlug,
  member,
  canChange,
}: {
  storeSlug: string;
  member: { userId: string; name: string; role: "OWNER" | "ADMIN" | "STAFF"; onlyAssignedOrders: boolean };
  canChange: boolean;
}) {
  const t = useTranslations("team");
  const id = useId();
  const { pending, error, run } = useTeamAction();
  if (!canChange) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          {t("roleOf", { name: member.name })}
        </label>
        <select
          id={`${id}-role`}
          value={member.role}
          disabled={pending}
          className={`${inputClass} w-auto`}
          onChange={(e) => run(() => changeMemberRoleAction(storeSlug, { userId: member.userId, role: e.target.value as "ADMIN" | "STAFF" }))}
        >
          <option value="STAFF">{t("roles.STAFF")}</option>
          <option value="ADMIN">{t("roles.ADMIN")}</option>
        </select>
        <Button
          variant="danger"
          type="button"
          disabled={pending}
          onClick={() => {
            if (window.confirm(t("removeConfirm", { name: member.name }))) run(() => removeMemberAction(storeSlug, { userId: member.userId }));
          }}
        >
          {t("remove")}
        </Button>
      </div>
      {member.role === "STAFF" && (
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input
            type="checkbox"
            className="size-5"
            checked={member.onlyAssignedOrders}
            disabled={pending}
            onChange={(e) => run(() => setOnlyAssignedAction(storeSlug, { userId: member.userId, on: e.target.checked }))}
          />
          {t("onlyAssigned")}
        </label>
      )}
      <Refusal error={error} />
    </div>
  );
}

export function InvitationControls({ storeSlug, invitation }: { storeSlug: string; invitation: { id: string; email: string } }) {
  const t = useTranslations("team");
  const { pending, result, error, run } = useTeamAction();
  const [resent, setResent] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          type="button"
          disabled={pending}
          onClick={() =>
            run(
              () => resendInvitationAction(storeSlug, { invitationId: invitation.id }),
              (r) => setResent(r.ok),
            )
          }
        >
          {t("resend")}
        </Button>
        <Button
          variant="ghost"
          type="button"
          disabled={pending}
          onClick={() => {
            if (window.confirm(t("revokeConfirm", { email: invitation.email }))) run(() => revokeInvitationAction(storeSlug, { invitationId: invitation.id }));
          }}
        >
          {t("revoke")}
        </Button>
      </div>
      {resent && result?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {t("resent")}
        </p>
      )}
      <Refusal error={error} />
    </div>
  );
}

export function TransferOwnership({ storeSlug, members }: { storeSlug: string; members: { userId: string; name: string; email: string }[] }) {
  const t = useTranslations("team");
  const { pending, error, run } = useTeamAction();
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const userId = String(data.get("userId") ?? "");
        const name = members.find((m) => m.userId === userId)?.name ?? "";
        if (!window.confirm(t("transferConfirm", { name }))) return;
        run(() => transferOwnershipAction(storeSlug, { userId, password: String(data.get("password") ?? "") }));
      }}
    >
      <div className="text-sm">
        <label htmlFor="new-owner" className="mb-1 block font-medium text-slate-700">
          {t("newOwner")}
        </label>
        <select id="new-owner" name="userId" className={inputClass} required>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {`\u2068${m.name}\u2069 (\u2066${m.email}\u2069)`}
            </option>
          ))}
        </select>
      </div>
      <Field label={t("yourPassword")} name="password" type="password" dir="ltr" autoComplete="current-password" required error={error?.fields?.password} />
      {error && !error.fields?.password && <Refusal error={error} />}
      <Button type="submit" variant="danger" disabled={pending || members.length === 0}>
        {t("transfer")}
      </Button>
    </form>
  );
}
