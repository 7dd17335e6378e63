import type { PlainMessageKey } from '@/i18n';
import type { AuditLogActorType, AuditLogRow } from '../types';

/**
 * Actions the server writes (the ent audit hook's create/update/delete and the recorded
 * ones); `action` is a free string, so one missing here is still listed, untranslated.
 */
export const KNOWN_ACTIONS = [
  'create',
  'update',
  'delete',
  'reveal_pii',
  'login',
  'login_failed',
  'logout',
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

/** Entity types offered by the filter: those people ask about; the rest can come later. */
export const ENTITY_TYPES = [
  'Customer',
  'Contact',
  'Account',
  'Subscription',
  'Bill',
  'ServiceRequest',
  'CustomerGroup',
  'Campaign',
  'Product',
  'User',
  'Team',
  'Partner',
  'PartnerAPIKey',
  'CasbinRule',
  'Session',
] as const;

export function isKnownAction(action: string): action is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action);
}

export function actionKey(action: KnownAction): PlainMessageKey {
  return `audit.action.${action}`;
}

export function actorTypeKey(type: AuditLogActorType): PlainMessageKey {
  return `audit.actorType.${type}`;
}

export const ACTION_COLOR: Record<KnownAction, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  reveal_pii: 'orange',
  login: 'cyan',
  login_failed: 'volcano',
  logout: 'default',
};

/** The non-null nodes of a page. */
export function auditRowsOf(
  edges: ReadonlyArray<{ node: AuditLogRow | null } | null> | null | undefined,
): AuditLogRow[] {
  return (edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
}
