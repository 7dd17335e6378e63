import { useI18n } from '@/i18n';
import { QueryError } from '@/modules/graphql';
import { Alert, App, Button, Form, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useDocumentVersion, type DocumentActions } from '../hooks/useKnowledgeDocument';
import { useKnowledgeOptions } from '../hooks/useKnowledgeOptions';
import type { KnowledgeDocument, KnowledgeDocumentFormValues } from '../types';
import { errorText, formFieldOf } from '../utils/errors';
import { lockConflictOf } from '../utils/lock';
import { DocumentForm, documentInputOf } from './DocumentForm';
import { LockConflictAlert } from './LockConflictAlert';

export interface DocumentEditorProps {
  doc: KnowledgeDocument;
  update: DocumentActions['update'];
  /** Takes the lock again (after it expired or was broken); undefined without the operation. */
  onRelock?: () => Promise<boolean>;
  onDone: () => void;
}

/** The ID of the latest version when its content differs from the document's (a published document's draft). */
export function workingVersionID(doc: KnowledgeDocument): string | undefined {
  if (doc.publishedVersion === null || doc.publishedVersion === doc.currentVersion) return undefined;
  return doc.versions.edges?.find((e) => e?.node?.number === doc.currentVersion)?.node?.id;
}

/**
 * Edits the latest version (for a published document: its working draft, while readers keep
 * the published one) and saves it as a new version. The viewer must hold the edit lock.
 */
export function DocumentEditor({ doc, update, onRelock, onDone }: DocumentEditorProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const options = useKnowledgeOptions();
  const [form] = Form.useForm<KnowledgeDocumentFormValues>();
  const [failure, setFailure] = useState<unknown>();
  const workingID = workingVersionID(doc);
  const working = useDocumentVersion(workingID);

  const initialValues = useMemo<KnowledgeDocumentFormValues | undefined>(() => {
    const content = workingID ? working.version : doc;
    if (!content) return undefined;
    return {
      title: content.title,
      summary: content.summary ?? '',
      body: content.body,
      tags: content.tags ?? [],
      audience: doc.audience,
      categoryIDs: (doc.categories ?? []).map((c) => c.id),
      productIDs: (doc.products ?? []).map((p) => p.id),
      changeNote: '',
    };
  }, [workingID, working.version, doc]);

  if (workingID && working.error && !working.isFetching) {
    return <QueryError error={working.error} onRetry={() => void working.refetch()} />;
  }
  if (!initialValues) return <Skeleton active paragraph={{ rows: 12 }} />;

  const submit = async (values: KnowledgeDocumentFormValues) => {
    setFailure(undefined);
    try {
      const { updateKnowledgeDocument: saved } = await update.mutateAsync({
        id: doc.id,
        input: documentInputOf(values, { categories: options.canCategories, products: options.canProducts }),
      });
      void message.success(t('knowledge.edit.saved', { number: saved.currentVersion }));
      onDone();
    } catch (error) {
      const field = formFieldOf(error);
      if (field && error instanceof Error) {
        form.setFields([{ name: field, errors: [error.message] }]);
        return;
      }
      setFailure(error);
    }
  };

  const conflict = failure ? lockConflictOf(failure) : null;
  let alert;
  if (conflict) {
    alert = (
      <LockConflictAlert
        conflict={conflict}
        onClose={() => setFailure(undefined)}
        action={
          onRelock && !conflict.holder ? (
            <Button
              size="small"
              onClick={() => void onRelock().then((ok) => ok && setFailure(undefined))}
            >
              {t('knowledge.lock.relock')}
            </Button>
          ) : undefined
        }
      />
    );
  } else if (failure) {
    alert = <Alert type="error" showIcon role="alert" message={errorText(t, failure)} />;
  }

  return (
    <>
      {doc.publishedVersion !== null && doc.status === 'PUBLISHED' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('knowledge.edit.publishedNotice', { published: doc.publishedVersion })}
        />
      ) : null}
      <DocumentForm
        form={form}
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        submitLabel={t('knowledge.edit.save', { number: doc.currentVersion + 1 })}
        submitting={update.isPending}
        onCancel={onDone}
        changeNotePlaceholder={t('knowledge.edit.changeNotePlaceholder')}
        alert={alert}
      />
    </>
  );
}
