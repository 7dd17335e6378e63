import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { graphqlQueryKey, request, useGraphQLQuery, type GraphQLRequestError } from '@/modules/graphql';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import {
  DocumentVersionQuery,
  KnowledgeDocumentDiffQuery,
  KnowledgeDocumentQuery,
} from '../graphql/document';
import {
  ApproveKnowledgeDocumentMutation,
  ArchiveKnowledgeDocumentMutation,
  LockKnowledgeDocumentMutation,
  RejectKnowledgeDocumentMutation,
  RestoreKnowledgeDocumentVersionMutation,
  SubmitKnowledgeDocumentMutation,
  UnlockKnowledgeDocumentMutation,
  UpdateKnowledgeDocumentMutation,
  UploadAttachmentMutation,
} from '../graphql/mutations';
import type { KnowledgeDocument, KnowledgeVersionContent } from '../types';

/** The cache key of a document's page query. */
export function documentQueryKey(id: string) {
  return graphqlQueryKey(KnowledgeDocumentQuery, { id });
}

/** One document by ID; `document` is null when the ID names none the viewer can see. */
export function useKnowledgeDocument(id: string) {
  const variables = useMemo(() => ({ id }), [id]);
  const result = useGraphQLQuery(KnowledgeDocumentQuery, variables);
  const node = result.data?.node;
  const document: KnowledgeDocument | null = node?.__typename === 'KnowledgeDocument' ? node : null;
  return { ...result, document };
}

/** One version's content, by the version's ID (loaded only when `id` is given). */
export function useDocumentVersion(id: string | undefined) {
  const variables = useMemo(() => ({ id: id ?? '' }), [id]);
  const result = useGraphQLQuery(DocumentVersionQuery, variables, {
    enabled: Boolean(id),
    // Versions never change.
    staleTime: Infinity,
  });
  const node = result.data?.node;
  const version: KnowledgeVersionContent | null = node?.__typename === 'DocumentVersion' ? node : null;
  return { ...result, version };
}

/** The line diff between two versions (loaded when both are given and differ). */
export function useKnowledgeDiff(id: string, fromVersion?: number, toVersion?: number, enabled = true) {
  const variables = useMemo(
    () => ({ id, fromVersion: fromVersion ?? 0, toVersion: toVersion ?? 0 }),
    [id, fromVersion, toVersion],
  );
  return useGraphQLQuery(KnowledgeDocumentDiffQuery, variables, {
    enabled: enabled && fromVersion !== undefined && toVersion !== undefined && fromVersion !== toVersion,
    staleTime: Infinity,
    keepPrevious: true,
  });
}

/**
 * A workflow mutation that answers with the document: the answer replaces the page's cached
 * document, and search results are refreshed (status, content and lock may have changed).
 */
function useDocumentMutation<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  pick: (result: TResult) => KnowledgeDocument,
) {
  const queryClient = useQueryClient();
  return useMutation<TResult, GraphQLRequestError, TVariables>({
    mutationFn: (variables) => request(document, variables),
    onSuccess: (result) => {
      const doc = pick(result);
      queryClient.setQueryData(documentQueryKey(doc.id), {
        node: { __typename: 'KnowledgeDocument' as const, ...doc },
      });
      void queryClient.invalidateQueries({ queryKey: ['graphql', 'SearchKnowledge'] });
    },
  });
}

/** Every workflow action on a document. */
export function useDocumentActions() {
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (variables: { documentID: string; file: File }) =>
      request(UploadAttachmentMutation, variables),
    onSuccess: (_, { documentID }) => {
      void queryClient.invalidateQueries({ queryKey: documentQueryKey(documentID) });
      void queryClient.invalidateQueries({ queryKey: ['graphql', 'SearchKnowledge'] });
    },
  });
  return {
    update: useDocumentMutation(UpdateKnowledgeDocumentMutation, (r) => r.updateKnowledgeDocument),
    lock: useDocumentMutation(LockKnowledgeDocumentMutation, (r) => r.lockKnowledgeDocument),
    unlock: useDocumentMutation(UnlockKnowledgeDocumentMutation, (r) => r.unlockKnowledgeDocument),
    submit: useDocumentMutation(SubmitKnowledgeDocumentMutation, (r) => r.submitKnowledgeDocument),
    approve: useDocumentMutation(ApproveKnowledgeDocumentMutation, (r) => r.approveKnowledgeDocument),
    reject: useDocumentMutation(RejectKnowledgeDocumentMutation, (r) => r.rejectKnowledgeDocument),
    archive: useDocumentMutation(ArchiveKnowledgeDocumentMutation, (r) => r.archiveKnowledgeDocument),
    restore: useDocumentMutation(
      RestoreKnowledgeDocumentVersionMutation,
      (r) => r.restoreKnowledgeDocumentVersion,
    ),
    upload,
    /** Reloads the document (after a conflict, to show who holds the lock now). */
    reload: (id: string) => queryClient.invalidateQueries({ queryKey: documentQueryKey(id) }),
  };
}

export type DocumentActions = ReturnType<typeof useDocumentActions>;

/** The current time, renewed every `intervalMs` (lock expiry shown on a page left open). */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
