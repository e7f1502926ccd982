"use client";

import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import { Drawer } from "./Drawer";
import { SidebarNav } from "./SidebarNav";

/** The sidebar as a drawer on phones. */
export function MobileNav() {
  const t = useTranslations("nav");
  return (
    <Drawer
      openLabel={t("openMenu")}
      closeLabel={t("closeMenu")}
      title={t("label")}
      description={t("drawerDescription")}
      triggerClassName="inline-flex size-10 items-center justify-center rounded-lg text-gray-700 hover:bg-gray-100 lg:hidden"
      trigger={<Menu aria-hidden="true" className="size-6" />}
    >
      {(close) => <SidebarNav onNavigate={close} />}
    </Drawer>
  );
}
