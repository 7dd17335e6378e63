import { useI18n } from '@/i18n';
import { errorMessageKey, isGraphQLRequestError } from '@/modules/graphql';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useRevealCustomerPII } from '../hooks/useCustomerDetail';
import type { CustomerPII } from '../types';
import { REASON_MAX, REASON_MIN, reasonLength } from '../utils/pii';

interface RevealValues {
  reason: string;
}

export interface RevealPIIModalProps {
  customerID: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (pii: CustomerPII) => void;
}

/** Asks why (required, 2–500 characters, as the server checks) and calls revealCustomerPII, which audits the reveal. */
export function RevealPIIModal({ customerID, open, onClose, onRevealed }: RevealPIIModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<RevealValues>();
  const reveal = useRevealCustomerPII();
  const [failure, setFailure] = useState<string>();

  const close = () => {
    form.resetFields();
    setFailure(undefined);
    onClose();
  };

  const submit = async ({ reason }: RevealValues) => {
    setFailure(undefined);
    try {
      const data = await reveal.mutateAsync({ id: customerID, reason: reason.trim() });
      onRevealed(data.revealCustomerPII);
      close();
    } catch (error) {
      if (isGraphQLRequestError(error) && error.field === 'reason') {
        form.setFields([{ name: 'reason', errors: [error.message] }]);
        return;
      }
      setFailure(
        isGraphQLRequestError(error)
          ? `${t(errorMessageKey(error.code))}: ${error.message}`
          : String(error),
      );
    }
  };

  return (
    <Modal
      open={open}
      title={t('customers.pii.title')}
      okText={t('customers.pii.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={reveal.isPending}
      width={480}
    >
      <Alert type="info" showIcon message={t('customers.pii.hint')} style={{ marginBottom: 16 }} />
      {failure ? (
        <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<RevealValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        data-testid="reveal-form"
      >
        <Form.Item
          name="reason"
          label={t('customers.pii.reason')}
          rules={[
            { required: true, whitespace: true, message: t('customers.pii.reasonRequired') },
            {
              validator: (_, value: string | undefined) => {
                const length = reasonLength(value ?? '');
                if (length === 0) return Promise.resolve();
                if (length < REASON_MIN) {
                  return Promise.reject(new Error(t('customers.pii.reasonTooShort')));
                }
                if (length > REASON_MAX) {
                  return Promise.reject(new Error(t('customers.pii.reasonTooLong')));
                }
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            placeholder={t('customers.pii.reasonPlaceholder')}
            showCount
            maxLength={REASON_MAX}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
