import { useI18n } from '@/i18n';
import { request } from '@/modules/graphql';
import { PageHeader } from '@/ui/layout/PageHeader';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CreateKnowledgeDocumentMutation } from '../graphql/mutations';
import { useKnowledgeOptions } from '../hooks/useKnowledgeOptions';
import type { KnowledgeDocumentFormValues } from '../types';
import { errorText, formFieldOf } from '../utils/errors';
import { DocumentForm, documentInputOf } from './DocumentForm';

const EMPTY: KnowledgeDocumentFormValues = {
  title: '',
  summary: '',
  body: '',
  tags: [],
  audience: 'INTERNAL',
  categoryIDs: [],
  productIDs: [],
  changeNote: '',
};

/** A new document: saved as a draft (version 1) authored by the viewer, then opened. */
export function KnowledgeCreate() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useKnowledgeOptions();
  const [form] = Form.useForm<KnowledgeDocumentFormValues>();
  const [failure, setFailure] = useState<string>();
  const create = useMutation({
    mutationFn: (values: KnowledgeDocumentFormValues) =>
      request(CreateKnowledgeDocumentMutation, {
        input: {
          ...documentInputOf(values, { categories: options.canCategories, products: options.canProducts }),
          changeNote: values.changeNote?.trim() || t('knowledge.create.firstVersionNote'),
        },
      }),
  });

  const submit = async (values: KnowledgeDocumentFormValues) => {
    setFailure(undefined);
    try {
      const { createKnowledgeDocument: doc } = await create.mutateAsync(values);
      void queryClient.invalidateQueries({ queryKey: ['graphql', 'SearchKnowledge'] });
      void message.success(t('knowledge.create.done'));
      navigate(`/knowledge/${encodeURIComponent(doc.id)}`);
    } catch (error) {
      const field = formFieldOf(error);
      if (field && error instanceof Error) {
        form.setFields([{ name: field, errors: [error.message] }]);
        return;
      }
      setFailure(errorText(t, error));
    }
  };

  return (
    <>
      <PageHeader
        title={t('knowledge.create.title')}
        extra={
          <Link to="/knowledge">
            <ArrowLeftOutlined /> {t('knowledge.back')}
          </Link>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('knowledge.create.hint')}</Typography.Paragraph>
        <DocumentForm
          form={form}
          initialValues={EMPTY}
          onFinish={(values) => void submit(values)}
          submitLabel={t('knowledge.create.submit')}
          submitting={create.isPending}
          onCancel={() => navigate('/knowledge')}
          changeNotePlaceholder={t('knowledge.create.firstVersionNote')}
          alert={failure ? <Alert type="error" showIcon message={failure} role="alert" /> : undefined}
        />
      </Card>
    </>
  );
}
