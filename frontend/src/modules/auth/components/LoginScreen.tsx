import { useI18n } from '@/i18n';
import { errorMessageKey, useGraphQLMutation } from '@/modules/graphql';
import { BrandMark } from '@/ui/brand/BrandMark';
import { CheckCircleFilled, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Form, Input, Row, Typography, theme } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginMutation } from '../graphql/auth';
import { useCountdown } from '../hooks/useCountdown';
import { isStaff, prefetchViewer, useViewerQuery } from '../hooks/useViewer';
import type { LoginValues } from '../types';
import { formatWait, loginFailureOf, type LoginFailure } from '../utils/loginFailure';
import { redirectTarget } from '../utils/redirect';

export interface LoginScreenProps {
  /** Shown in the top corner (the language switch). */
  extra?: ReactNode;
}

/**
 * The sign-in page: brand panel and the username/password form. On success it drops any
 * cached data, loads the viewer and returns to the page the user came from (?redirect=).
 */
export function LoginScreen({ extra }: LoginScreenProps) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const target = redirectTarget(params);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const viewer = useViewerQuery();
  const login = useGraphQLMutation(LoginMutation);
  const [form] = Form.useForm<LoginValues>();
  const [failure, setFailure] = useState<LoginFailure>();
  const [lockedUntil, setLockedUntil] = useState<number>();
  const lockedFor = useCountdown(lockedUntil);
  const title = `${t('auth.login.title')} · ${t('app.title')}`;

  useEffect(() => {
    document.title = title;
  }, [title]);

  // The lock is over: the form is usable again, without the stale message.
  useEffect(() => {
    if (lockedUntil !== undefined && lockedFor === 0) {
      setLockedUntil(undefined);
      setFailure(undefined);
    }
  }, [lockedUntil, lockedFor]);

  if (isStaff(viewer.data?.viewer)) return <Navigate to={target} replace />;

  const submit = async ({ username, password }: LoginValues) => {
    setFailure(undefined);
    try {
      await login.mutateAsync({ input: { username: username.trim(), password } });
    } catch (error) {
      const next = loginFailureOf(error);
      setFailure(next);
      if (next.kind === 'locked' && next.retryAfterSeconds) {
        setLockedUntil(Date.now() + next.retryAfterSeconds * 1000);
      }
      form.setFieldValue('password', '');
      return;
    }
    // A new user: nothing cached for the previous one may show.
    queryClient.clear();
    await prefetchViewer(queryClient);
    navigate(target, { replace: true });
  };

  const locked = lockedFor > 0;
  let alert: ReactNode = null;
  if (failure?.kind === 'wrongCredentials') {
    alert = <Alert type="error" showIcon message={t('auth.login.wrongCredentials')} />;
  } else if (failure?.kind === 'locked') {
    alert = (
      <Alert
        type="warning"
        showIcon
        message={t('auth.login.locked')}
        description={
          locked
            ? t('auth.login.retryIn', { time: formatWait(lockedFor, t) })
            : t('auth.login.retryLater')
        }
      />
    );
  } else if (failure?.kind === 'other') {
    alert = (
      <Alert
        type="error"
        showIcon
        message={`${t('auth.login.failed')}: ${t(errorMessageKey(failure.code))}`}
        description={failure.message}
      />
    );
  }

  return (
    <Row style={{ minHeight: '100vh' }} wrap={false}>
      <Col xs={0} lg={12} xl={13} style={heroStyle}>
        <div aria-hidden style={{ ...orbStyle, width: 520, height: 520, right: -180, top: -160 }} />
        <div aria-hidden style={{ ...orbStyle, width: 360, height: 360, left: -120, bottom: -140 }} />
        <Flex vertical justify="space-between" style={{ position: 'relative', height: '100%' }}>
          <Flex align="center" gap={12}>
            <BrandMark size={40} />
            <span style={{ fontSize: 20, fontWeight: 600, letterSpacing: 0.5 }}>c360</span>
          </Flex>
          <div style={{ maxWidth: 560 }}>
            <h1 style={{ color: '#fff', fontSize: 44, lineHeight: 1.2, margin: '0 0 16px' }}>
              {t('auth.login.heroTitle')}
            </h1>
            <p style={{ fontSize: 17, lineHeight: 1.7, margin: '0 0 32px', opacity: 0.9 }}>
              {t('auth.login.heroText')}
            </p>
            <Flex vertical gap={14}>
              {(['auth.login.heroPoint1', 'auth.login.heroPoint2', 'auth.login.heroPoint3'] as const).map(
                (key) => (
                  <Flex key={key} align="center" gap={12} style={{ fontSize: 15 }}>
                    <CheckCircleFilled style={{ color: '#95de64', fontSize: 18 }} />
                    <span>{t(key)}</span>
                  </Flex>
                ),
              )}
            </Flex>
          </div>
          <span style={{ fontSize: 13, opacity: 0.6 }}>© c360 · Customer 360</span>
        </Flex>
      </Col>
      <Col flex="auto" style={{ background: token.colorBgLayout, position: 'relative' }}>
        {extra ? <div style={{ position: 'absolute', top: 24, insetInlineEnd: 24 }}>{extra}</div> : null}
        <Flex
          align="center"
          justify="center"
          style={{ minHeight: '100vh', padding: '88px 24px 48px', boxSizing: 'border-box' }}
        >
          <main style={{ width: '100%', maxWidth: 400 }}>
            <div
              style={{
                background: token.colorBgContainer,
                borderRadius: 16,
                padding: '40px 36px 32px',
                boxShadow: '0 12px 40px rgba(9, 88, 217, 0.08), 0 2px 8px rgba(0, 0, 0, 0.04)',
              }}
            >
              <Flex align="center" gap={10} style={{ marginBottom: 24 }}>
                <BrandMark size={36} />
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="login-brand">
                  {t('app.title')}
                </Typography.Text>
              </Flex>
              <Typography.Title level={2} style={{ margin: '0 0 4px' }}>
                {t('auth.login.title')}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
                {t('auth.login.subtitle')}
              </Typography.Paragraph>
              {alert ? (
                <div data-testid="login-error" style={{ marginBottom: 20 }}>
                  {alert}
                </div>
              ) : null}
              <Form<LoginValues>
                form={form}
                layout="vertical"
                size="large"
                requiredMark={false}
                onFinish={(values) => void submit(values)}
                data-testid="login-form"
                disabled={login.isPending}
              >
                <Form.Item
                  name="username"
                  label={t('auth.login.username')}
                  rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
                >
                  <Input
                    prefix={<UserOutlined style={{ color: token.colorTextTertiary }} />}
                    autoComplete="username"
                    autoFocus
                    maxLength={64}
                  />
                </Form.Item>
                <Form.Item
                  name="password"
                  label={t('auth.login.password')}
                  rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
                >
                  <Input.Password
                    prefix={<LockOutlined style={{ color: token.colorTextTertiary }} />}
                    autoComplete="current-password"
                  />
                </Form.Item>
                <Form.Item style={{ marginBottom: 8, marginTop: 8 }}>
                  <Button
                    type="primary"
                    htmlType="submit"
                    block
                    loading={login.isPending}
                    disabled={locked}
                    data-testid="login-submit"
                  >
                    {t('auth.login.submit')}
                  </Button>
                </Form.Item>
              </Form>
            </div>
            <Typography.Paragraph
              type="secondary"
              style={{ textAlign: 'center', fontSize: 12, marginTop: 20 }}
            >
              {t('auth.login.footer')}
            </Typography.Paragraph>
          </main>
        </Flex>
      </Col>
    </Row>
  );
}

const heroStyle = {
  position: 'relative',
  overflow: 'hidden',
  padding: '40px 56px',
  boxSizing: 'border-box',
  color: '#fff',
  background: 'linear-gradient(135deg, #001d66 0%, #003eb3 45%, #1677ff 100%)',
} as const;

const orbStyle = {
  position: 'absolute',
  borderRadius: '50%',
  background: 'radial-gradient(circle, rgba(255,255,255,0.16) 0%, rgba(255,255,255,0) 70%)',
  pointerEvents: 'none',
} as const;
