import type { PlainMessageKey } from '@/i18n';
import type { Operation } from '@/modules/auth';
import { AuditOutlined, BookOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface NavItem {
  path: string;
  label: PlainMessageKey;
  icon: ReactNode;
  /** The root operation the page needs; the entry is hidden from viewers without it. */
  operation?: Operation;
}

/** The side menu, in order. A route that is not listed here has no menu entry. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.overview', icon: <DashboardOutlined />, operation: 'Query.customers' },
  { path: '/customers', label: 'nav.customers', icon: <TeamOutlined />, operation: 'Query.customers' },
  { path: '/knowledge', label: 'nav.knowledge', icon: <BookOutlined />, operation: 'Query.searchKnowledge' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, operation: 'Query.auditLogs' },
];

/** The entries a viewer may use. */
export function visibleNavItems(can: (operation: Operation) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.operation || can(item.operation));
}

/** The menu entry for a location: its own path or the section it is under ('/' only itself). */
export function selectedNavPath(pathname: string): string | undefined {
  return NAV_ITEMS.map((item) => item.path)
    .filter((path) =>
      path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`),
    )
    .sort((a, b) => b.length - a.length)[0];
}
