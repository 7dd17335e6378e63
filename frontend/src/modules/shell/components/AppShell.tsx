import { useI18n } from '@/i18n';
import { UserMenu, useViewer } from '@/modules/auth';
import { BrandMark } from '@/ui/brand/BrandMark';
import { ApiOutlined } from '@ant-design/icons';
import { Flex, Layout, Menu, theme, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { selectedNavPath, visibleNavItems } from '../utils/nav';
import { LanguageSwitch } from './LanguageSwitch';

const { Header, Sider, Content } = Layout;

/**
 * The frame around every signed-in page: title, side menu (only the entries the viewer may
 * use), language switch and the user menu. Pages render in <Outlet>.
 */
export function AppShell() {
  const { t } = useI18n();
  const { can } = useViewer();
  const navItems = useMemo(() => visibleNavItems(can), [can]);
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const selected = selectedNavPath(pathname);
  const title = t('app.title');

  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            gap: 10,
            paddingInline: 20,
            color: '#fff',
            fontWeight: 600,
            fontSize: 16,
            whiteSpace: 'nowrap',
          }}
        >
          <BrandMark size={28} />
          c360
        </div>
        <nav aria-label={t('app.title')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={navItems.map((item) => ({
              key: item.path,
              icon: item.icon,
              label: <Link to={item.path}>{t(item.label)}</Link>,
            }))}
          />
        </nav>
        <div style={{ position: 'absolute', bottom: 16, insetInline: 24 }}>
          {/* A plain link: the server (dev mode) serves its GraphQL IDE outside the SPA. */}
          <a href="/graphiql" target="_blank" rel="noreferrer" style={{ color: 'rgba(255,255,255,0.65)' }}>
            <ApiOutlined /> {t('app.graphiql')}
          </a>
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            paddingInline: 24,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="app-title">
            {t('app.title')}
          </Typography.Title>
          <Flex align="center" gap={16}>
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
