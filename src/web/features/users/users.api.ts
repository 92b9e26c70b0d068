import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createUserBodySchema, managedUserSchema, updateUserBodySchema } from '../../../server/users/users.schema';
import { apiFetch } from '../../app/api/api-client';
import type { Page } from '../../app/api/types';

export type ManagedUser = z.output<typeof managedUserSchema>;

export interface UserListParams {
  q: string;
  page: number;
  pageSize: number;
}

export type NewUser = z.input<typeof createUserBodySchema>;

export type UserChanges = z.input<typeof updateUserBodySchema>;

const usersQueryRoot = ['users'] as const;

export function fetchUsers(params: UserListParams, signal?: AbortSignal): Promise<Page<ManagedUser>> {
  return apiFetch<Page<ManagedUser>>('/api/users', { query: { ...params }, signal });
}

export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: [...usersQueryRoot, 'list', params],
    queryFn: ({ signal }) => fetchUsers(params, signal),
    // Keeps the table filled while the next page loads instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<Variables>(mutationFn: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryRoot }),
  });
}

export function useCreateUser() {
  return useUserMutation((user: NewUser) => apiFetch<ManagedUser>('/api/users', { method: 'POST', body: user }));
}

export function useUpdateUser() {
  return useUserMutation(({ id, changes }: { id: string; changes: UserChanges }) =>
    apiFetch<ManagedUser>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
  );
}

export function useResetUserPassword() {
  return useUserMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    apiFetch<void>(`/api/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { newPassword } }),
  );
}

export function useUnlockUser() {
  return useUserMutation((id: string) => apiFetch<void>(`/api/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' }));
}
