import { useI18n } from '@/i18n';
import { Button, Col, Flex, Form, Input, Radio, Row, Segmented, Select, Skeleton, TreeSelect, type FormInstance } from 'antd';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useKnowledgeOptions } from '../hooks/useKnowledgeOptions';
import { AUDIENCES, type KnowledgeCategoryOption, type KnowledgeDocumentFormValues } from '../types';
import { audienceKey, taxonomyKey } from '../utils/labels';

const MarkdownView = lazy(() => import('./MarkdownView'));

/** The server's bounds (KnowledgeDocumentInput), in characters. */
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 1000;
export const CHANGE_NOTE_MAX = 500;
export const TAG_MAX = 32;

type BodyMode = 'write' | 'preview' | 'split';

interface TreeNode {
  value: string;
  title: string;
  selectable?: boolean;
  checkable?: boolean;
  disabled?: boolean;
  children?: TreeNode[];
}

/** Category trees for the picker: one unselectable root per taxonomy, then parents and children. */
function categoryTree(categories: readonly KnowledgeCategoryOption[], taxonomyLabel: (taxonomy: string) => string): TreeNode[] {
  const byParent = new Map<string | null, KnowledgeCategoryOption[]>();
  for (const c of categories) {
    const list = byParent.get(c.parentID) ?? [];
    list.push(c);
    byParent.set(c.parentID, list);
  }
  const build = (c: KnowledgeCategoryOption): TreeNode => {
    const children = (byParent.get(c.id) ?? []).map(build);
    return { value: c.id, title: c.name, children: children.length ? children : undefined };
  };
  const roots = new Map<string, TreeNode[]>();
  for (const c of byParent.get(null) ?? []) {
    const list = roots.get(c.taxonomy) ?? [];
    list.push(build(c));
    roots.set(c.taxonomy, list);
  }
  return [...roots].map(([taxonomy, children]) => ({
    value: `taxonomy:${taxonomy}`,
    title: taxonomyLabel(taxonomy),
    selectable: false,
    checkable: false,
    disabled: true,
    children,
  }));
}

export interface DocumentFormProps {
  form: FormInstance<KnowledgeDocumentFormValues>;
  initialValues: KnowledgeDocumentFormValues;
  onFinish: (values: KnowledgeDocumentFormValues) => void;
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
  /** Shown above the buttons (a failed save). */
  alert?: ReactNode;
  /** Placeholder of the change note ("初始版本" for a new document). */
  changeNotePlaceholder: string;
}

/**
 * The fields of a document: title, summary, Markdown body with a live preview, tags,
 * audience, categories, related products and the change note of the version it saves.
 */
export function DocumentForm(props: DocumentFormProps) {
  const { form, initialValues, onFinish, submitLabel, submitting, onCancel, alert } = props;
  const { t } = useI18n();
  const options = useKnowledgeOptions();
  const [mode, setMode] = useState<BodyMode>('write');
  const body = Form.useWatch('body', form) ?? '';

  const treeData = useMemo(
    () =>
      categoryTree(options.categories, (taxonomy) => {
        const key = taxonomyKey(taxonomy);
        return key ? t(key) : taxonomy;
      }),
    [options.categories, t],
  );

  const editor = (
    <Form.Item name="body" noStyle>
      <Input.TextArea
        aria-label={t('knowledge.form.body')}
        data-testid="knowledge-form-body"
        autoSize={{ minRows: 14, maxRows: 32 }}
        placeholder={t('knowledge.form.bodyPlaceholder')}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
      />
    </Form.Item>
  );
  const preview = (
    <div
      data-testid="knowledge-form-preview"
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 16px', minHeight: 320, maxHeight: 720, overflow: 'auto' }}
    >
      {body.trim() ? (
        <Suspense fallback={<Skeleton active />}>
          <MarkdownView source={body} />
        </Suspense>
      ) : (
        <span style={{ color: '#bfbfbf' }}>{t('knowledge.form.previewEmpty')}</span>
      )}
    </div>
  );

  return (
    <Form<KnowledgeDocumentFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      data-testid="knowledge-form"
      scrollToFirstError
    >
      <Form.Item
        name="title"
        label={t('knowledge.form.title')}
        rules={[
          { required: true, whitespace: true, message: t('knowledge.form.titleRequired') },
          { max: TITLE_MAX, message: t('knowledge.form.titleTooLong', { max: TITLE_MAX }) },
        ]}
      >
        <Input maxLength={TITLE_MAX} showCount placeholder={t('knowledge.form.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('knowledge.form.summary')}
        rules={[{ max: SUMMARY_MAX, message: t('knowledge.form.summaryTooLong', { max: SUMMARY_MAX }) }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={SUMMARY_MAX}
          showCount
          placeholder={t('knowledge.form.summaryPlaceholder')}
        />
      </Form.Item>
      <Form.Item label={t('knowledge.form.body')} extra={t('knowledge.form.bodyHint')}>
        <Segmented<BodyMode>
          size="small"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'write', label: t('knowledge.form.write') },
            { value: 'preview', label: t('knowledge.form.preview') },
            { value: 'split', label: t('knowledge.form.split') },
          ]}
          data-testid="knowledge-form-body-mode"
          style={{ marginBottom: 8 }}
        />
        {mode === 'split' ? (
          <Row gutter={12}>
            <Col span={12}>{editor}</Col>
            <Col span={12}>{preview}</Col>
          </Row>
        ) : (
          <>
            <div style={{ display: mode === 'write' ? undefined : 'none' }}>{editor}</div>
            {mode === 'preview' ? preview : null}
          </>
        )}
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="tags"
            label={t('knowledge.form.tags')}
            rules={[
              {
                validator: (_, value: string[] | undefined) =>
                  (value ?? []).every((tag) => tag.trim() && Array.from(tag.trim()).length <= TAG_MAX)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('knowledge.form.tagInvalid', { max: TAG_MAX }))),
              },
            ]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              open={false}
              suffixIcon={null}
              placeholder={t('knowledge.form.tagsPlaceholder')}
              aria-label={t('knowledge.form.tags')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="audience" label={t('knowledge.form.audience')} extra={t('knowledge.form.audienceHint')}>
            <Radio.Group optionType="button" buttonStyle="solid">
              {AUDIENCES.map((a) => (
                <Radio.Button key={a} value={a}>
                  {t(audienceKey(a))}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
        {options.canCategories ? (
          <Col xs={24} md={12}>
            <Form.Item name="categoryIDs" label={t('knowledge.form.categories')}>
              <TreeSelect
                multiple
                allowClear
                showSearch
                treeNodeFilterProp="title"
                treeDefaultExpandAll
                loading={options.categoriesLoading}
                treeData={treeData}
                placeholder={t('knowledge.form.categoriesPlaceholder')}
                aria-label={t('knowledge.form.categories')}
              />
            </Form.Item>
          </Col>
        ) : null}
        {options.canProducts ? (
          <Col xs={24} md={12}>
            <Form.Item name="productIDs" label={t('knowledge.form.products')}>
              <Select
                mode="multiple"
                allowClear
                showSearch
                optionFilterProp="label"
                loading={options.productsLoading}
                placeholder={t('knowledge.form.productsPlaceholder')}
                aria-label={t('knowledge.form.products')}
                options={options.products.map((p) => ({ value: p.id, label: `${p.name} · ${p.code}` }))}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item
        name="changeNote"
        label={t('knowledge.form.changeNote')}
        rules={[{ max: CHANGE_NOTE_MAX, message: t('knowledge.form.changeNoteTooLong', { max: CHANGE_NOTE_MAX }) }]}
      >
        <Input maxLength={CHANGE_NOTE_MAX} showCount placeholder={props.changeNotePlaceholder} />
      </Form.Item>
      {alert ? <div style={{ marginBottom: 16 }}>{alert}</div> : null}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel} disabled={submitting}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="knowledge-form-submit">
          {submitLabel}
        </Button>
      </Flex>
    </Form>
  );
}

/** The input of create/update from the form's values (trimmed; pickers only when shown). */
export function documentInputOf(
  values: KnowledgeDocumentFormValues,
  include: { categories: boolean; products: boolean },
) {
  return {
    title: values.title.trim(),
    summary: (values.summary ?? '').trim(),
    body: values.body ?? '',
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    audience: values.audience,
    categoryIDs: include.categories ? (values.categoryIDs ?? []) : undefined,
    productIDs: include.products ? (values.productIDs ?? []) : undefined,
    changeNote: values.changeNote?.trim() || undefined,
  };
}
