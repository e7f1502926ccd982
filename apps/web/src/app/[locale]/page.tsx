import { redirect } from "@/i18n/navigation";
import { getCurrentUser } from "@/lib/auth-guards";
import { landingPath, paths } from "@/lib/paths";

/** `/fr` alone: the user's home when signed in, login otherwise. */
export default async function LocaleIndex({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await getCurrentUser();
  return redirect({ href: user ? landingPath(user) : paths.login, locale });
}
