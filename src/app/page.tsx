import { redirect } from "next/navigation";
import { currentUserId } from "@/server/auth/session";
import { listUserStores } from "@/server/stores/list-user-stores";

export default async function Home() {
  const userId = await currentUserId();
  if (!userId) redirect("/signin");
  const [first] = await listUserStores(userId);
  if (!first) redirect("/stores/new");
  redirect(`/s/${first.slug}/orders`);
}
