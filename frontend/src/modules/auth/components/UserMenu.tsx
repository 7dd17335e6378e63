import { useI18n } from '@/i18n';
import { DownOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useSignOut } from '../hooks/useSignOut';
import { useViewer, viewerName } from '../hooks/useViewer';
import { ChangePasswordModal } from './ChangePasswordModal';

type MenuKey = 'changePassword' | 'signOut';

function isMenuKey(key: string): key is MenuKey {
  return key === 'changePassword' || key === 'signOut';
}

/** The signed-in user in the header: name and a menu to change the password or sign out. */
export function UserMenu() {
  const { t } = useI18n();
  const { viewer, can } = useViewer();
  const { signOut, pending } = useSignOut();
  const [changingPassword, setChangingPassword] = useState(false);
  const name = viewerName(viewer);

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Flex vertical style={{ minWidth: 160 }}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {viewer.user?.username ?? viewer.name}
            {viewer.roles.length ? ` · ${viewer.roles.join(', ')}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { type: 'divider' },
    ...(can('Mutation.changePassword')
      ? [{ key: 'changePassword', icon: <KeyOutlined />, label: t('auth.user.changePassword') }]
      : []),
    { key: 'signOut', icon: <LogoutOutlined />, label: t('auth.user.signOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (!isMenuKey(key)) return;
    if (key === 'changePassword') setChangingPassword(true);
    else void signOut();
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          loading={pending}
          aria-label={`${t('auth.user.menu')}: ${name}`}
          data-testid="user-menu"
          style={{ height: 40, paddingInline: 8 }}
        >
          <Flex align="center" gap={8}>
            <Avatar size={28} style={{ background: '#1677ff', flex: 'none' }}>
              {Array.from(name)[0]?.toUpperCase()}
            </Avatar>
            <span data-testid="user-name">{name}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Flex>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
