import { useI18n } from '@/i18n';
import { errorMessageKey, isGraphQLRequestError, useGraphQLMutation } from '@/modules/graphql';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { LogoutMutation } from '../graphql/auth';
import { LOGIN_PATH } from '../utils/redirect';
import { forgetViewer } from './useViewer';

/**
 * Signs out: ends the session on the server (which clears the cookie), drops every cached
 * answer (the next user must not see this one's data) and goes to /login.
 */
export function useSignOut() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useGraphQLMutation(LogoutMutation);
  const { mutateAsync } = logout;

  const signOut = useCallback(async () => {
    try {
      await mutateAsync({});
    } catch (error) {
      // Already signed out (an expired session) is fine; anything else keeps the user here.
      if (!isGraphQLRequestError(error) || error.code !== 'UNAUTHENTICATED') {
        const reason = isGraphQLRequestError(error) ? t(errorMessageKey(error.code)) : String(error);
        void message.error(`${t('auth.user.signOutFailed')}: ${reason}`);
        return;
      }
    }
    // Leave the guarded pages first, in the same render as the cache is dropped, so none of
    // them refetches with no session (and the guard does not add ?redirect=).
    navigate(LOGIN_PATH, { replace: true });
    queryClient.clear();
    forgetViewer(queryClient);
  }, [mutateAsync, message, navigate, queryClient, t]);

  return { signOut, pending: logout.isPending };
}
