import { useI18n } from '@/i18n';
import { SmileOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useViewer, viewerName } from '../hooks/useViewer';

/** The home page of a user whose roles open none of the app's pages yet. */
export function WelcomeResult() {
  const { t } = useI18n();
  const { viewer } = useViewer();
  return (
    <Result
      icon={<SmileOutlined />}
      title={t('app.welcome', { name: viewerName(viewer) })}
      subTitle={t('app.welcomeHint')}
    />
  );
}
