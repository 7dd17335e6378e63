import { useI18n } from '@/i18n';
import { Alert, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';

/** The server's bound on a rejection comment (characters). */
export const COMMENT_MAX = 1000;

function inThePast(date: Dayjs): boolean {
  return date.endOf('day').valueOf() < Date.now();
}

interface ScheduleValues {
  when: 'now' | 'later';
  at?: Dayjs;
}

interface ScheduleModalProps {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  /** `at` is an RFC 3339 time, or undefined for "now". */
  onConfirm: (at: string | undefined) => void;
  failure?: string;
}

/**
 * A now-or-later confirmation: approve (publish now, or at a time) and archive (now, or at a
 * time) share it.
 */
function ScheduleModal({
  open,
  pending,
  onCancel,
  onConfirm,
  failure,
  title,
  hint,
  nowLabel,
  laterLabel,
  okText,
  danger,
  testID,
}: ScheduleModalProps & {
  title: string;
  hint: string;
  nowLabel: string;
  laterLabel: string;
  okText: string;
  danger?: boolean;
  testID: string;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ScheduleValues>();
  const when = Form.useWatch('when', form);

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      afterClose={() => form.resetFields()}
      width={480}
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<ScheduleValues>
        form={form}
        layout="vertical"
        initialValues={{ when: 'now' }}
        onFinish={(values) => onConfirm(values.when === 'later' && values.at ? values.at.toISOString() : undefined)}
        data-testid={testID}
      >
        <Form.Item name="when">
          <Radio.Group>
            <Radio value="now">{nowLabel}</Radio>
            <Radio value="later">{laterLabel}</Radio>
          </Radio.Group>
        </Form.Item>
        {when === 'later' ? (
          <Form.Item
            name="at"
            label={t('knowledge.workflow.scheduleAt')}
            rules={[
              { required: true, message: t('knowledge.workflow.scheduleRequired') },
              {
                validator: (_, value: Dayjs | undefined) =>
                  !value || value.valueOf() > Date.now()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('knowledge.workflow.scheduleFuture'))),
              },
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={inThePast} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

export function ApproveModal(props: ScheduleModalProps) {
  const { t } = useI18n();
  return (
    <ScheduleModal
      {...props}
      title={t('knowledge.workflow.approveTitle')}
      hint={t('knowledge.workflow.approveHint')}
      nowLabel={t('knowledge.workflow.publishNow')}
      laterLabel={t('knowledge.workflow.publishLater')}
      okText={t('knowledge.workflow.approveConfirm')}
      testID="approve-form"
    />
  );
}

export function ArchiveModal(props: ScheduleModalProps) {
  const { t } = useI18n();
  return (
    <ScheduleModal
      {...props}
      title={t('knowledge.workflow.archiveTitle')}
      hint={t('knowledge.workflow.archiveHint')}
      nowLabel={t('knowledge.workflow.archiveNow')}
      laterLabel={t('knowledge.workflow.archiveLater')}
      okText={t('knowledge.workflow.archiveConfirm')}
      danger
      testID="archive-form"
    />
  );
}

interface RejectValues {
  comment: string;
}

export interface RejectModalProps {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
  failure?: string;
}

/** Sends the version in review back to draft; the comment tells the author why (required). */
export function RejectModal({ open, pending, onCancel, onConfirm, failure }: RejectModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<RejectValues>();
  return (
    <Modal
      open={open}
      title={t('knowledge.workflow.rejectTitle')}
      okText={t('knowledge.workflow.rejectConfirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      afterClose={() => form.resetFields()}
      width={520}
    >
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<RejectValues>
        form={form}
        layout="vertical"
        onFinish={(values) => onConfirm(values.comment.trim())}
        data-testid="reject-form"
      >
        <Form.Item
          name="comment"
          label={t('knowledge.workflow.rejectComment')}
          rules={[
            { required: true, whitespace: true, message: t('knowledge.workflow.rejectCommentRequired') },
            { max: COMMENT_MAX, message: t('knowledge.workflow.rejectCommentTooLong', { max: COMMENT_MAX }) },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={COMMENT_MAX}
            showCount
            autoFocus
            placeholder={t('knowledge.workflow.rejectCommentPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
