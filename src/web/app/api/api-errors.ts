import { App } from 'antd';
import { useCallback } from 'react';
import { useT, type Translate } from '../i18n';
import { ApiError, NETWORK_ERROR_ID } from './api-client';

/** The server's Vietnamese message when there is one; otherwise our own words for what went wrong. */
export function describeApiError(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.message) return error.message;
  if (error instanceof ApiError && error.id === NETWORK_ERROR_ID) return t('error.network');
  return t('error.unexpected');
}

export function useApiErrorNotice(): (error: unknown) => void {
  const { message } = App.useApp();
  const t = useT();
  return useCallback((error: unknown) => void message.error(describeApiError(error, t)), [message, t]);
}
