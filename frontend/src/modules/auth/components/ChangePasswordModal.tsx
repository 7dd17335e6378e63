import { useI18n } from '@/i18n';
import { errorMessageKey, isGraphQLRequestError, useGraphQLMutation } from '@/modules/graphql';
import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ChangePasswordMutation } from '../graphql/auth';

/** The server's minimum (ChangePasswordInput.newPassword). */
export const MIN_PASSWORD_LENGTH = 8;

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export interface ChangePasswordModalProps {
  open: boolean;
  onClose: () => void;
}

/**
 * Changes the signed-in user's password. Field rules run in the browser; a wrong current
 * password comes back as BAD_USER_INPUT on `oldPassword` and is shown under that field.
 */
export function ChangePasswordModal({ open, onClose }: ChangePasswordModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const change = useGraphQLMutation(ChangePasswordMutation);
  const [failure, setFailure] = useState<string>();

  const close = () => {
    form.resetFields();
    setFailure(undefined);
    change.reset();
    onClose();
  };

  const submit = async (values: ChangePasswordValues) => {
    setFailure(undefined);
    try {
      await change.mutateAsync({
        input: { oldPassword: values.oldPassword, newPassword: values.newPassword },
      });
    } catch (error) {
      if (isGraphQLRequestError(error) && error.code === 'BAD_USER_INPUT' && error.field) {
        const field = error.field === 'oldPassword' ? 'oldPassword' : 'newPassword';
        form.setFields([
          {
            name: field,
            errors: [field === 'oldPassword' ? t('auth.password.wrongOld') : error.message],
          },
        ]);
        return;
      }
      setFailure(
        isGraphQLRequestError(error)
          ? `${t(errorMessageKey(error.code))}: ${error.message}`
          : String(error),
      );
      return;
    }
    void message.success(t('auth.password.changed'));
    close();
  };

  return (
    <Modal
      open={open}
      title={t('auth.password.title')}
      okText={t('auth.password.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={change.isPending}
      width={440}
    >
      <Typography.Paragraph type="secondary">{t('auth.password.hint')}</Typography.Paragraph>
      {failure ? (
        <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<ChangePasswordValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        data-testid="change-password-form"
      >
        <Form.Item
          name="oldPassword"
          label={t('auth.password.old')}
          rules={[{ required: true, message: t('auth.password.oldRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.password.new')}
          dependencies={['oldPassword']}
          rules={[
            { required: true, message: t('auth.password.newRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('auth.password.newTooShort') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value && value === getFieldValue('oldPassword')
                  ? Promise.reject(new Error(t('auth.password.newSameAsOld')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
