import { LogoutOutlined, MenuOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from './api/client';
import { useMe } from './api/queries';
import { sessionStore, useSession } from './auth/session';
import { keepSessionFresh } from './api/client';
import { ROLE_LABELS } from './labels';
import { useOnline } from './online';
import { InboxBell } from './InboxBell';
import { ErrorState, Loading } from './states';
import { workbenchesOf } from './workbenches';

/** The signed-in frame: the side menu of the user's workbenches, the inbox's bell, who they are, logout, and the offline banner. */
export function Shell() {
  const session = useSession();
  const me = useMe(session !== null);
  const online = useOnline();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { modal } = App.useApp();
  useEffect(() => keepSessionFresh(), []);

  if (!session)
    return <Navigate to="/login" replace state={{ from: location.pathname, expired: sessionStore.endedBecause() === 'expired' }} />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} retry={() => void me.refetch()} />;

  const workbenches = workbenchesOf(me.data.roles);
  const phone = !screens.md;
  const logout = () =>
    modal.confirm({
      title: '退出登录？',
      content: '退出后需重新输入密码。',
      okText: '退出',
      cancelText: '取消',
      onOk: async () => {
        await api.POST('/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(() => undefined);
        sessionStore.clear();
        navigate('/login', { replace: true });
      },
    });
  const selected = workbenches
    .flatMap((w) => w.entries)
    .filter((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`));
  const items = workbenches.map((w) => ({
    key: w.key,
    label: w.label,
    type: 'group' as const,
    children: w.entries.map((e) => ({ key: e.path, label: e.label })),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider theme="light" width={200} style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>
            <SafetyCertificateOutlined style={{ color: '#1677ff', marginRight: 8 }} />
            平安医院协同平台
          </div>
          <Menu mode="inline" items={items} selectedKeys={selected.map((e) => e.path).slice(-1)} onClick={({ key }) => navigate(key)} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: phone ? '0 12px' : '0 24px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            height: 56,
            lineHeight: 'normal',
          }}
        >
          {phone && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: workbenches.flatMap((w) => w.entries).map((e) => ({ key: e.path, label: e.label })),
                selectedKeys: selected.map((e) => e.path).slice(-1),
                onClick: ({ key }) => navigate(key),
              }}
            >
              <Button icon={<MenuOutlined />} aria-label="菜单" size="large" />
            </Dropdown>
          )}
          <div style={{ flex: 1 }} />
          <Space size={phone ? 4 : 12}>
            <InboxBell phone={phone} />
            <Typography.Text data-testid="who" ellipsis style={{ maxWidth: phone ? 160 : 420 }}>
              {me.data.organisationName}
              {!phone && ` · ${me.data.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')} · ${me.data.username}`}
            </Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={logout} aria-label="退出登录">
              {phone ? '' : '退出'}
            </Button>
          </Space>
        </Layout.Header>
        {!online && <Alert type="warning" banner message="网络已断开：页面显示的是断网前的数据，恢复后自动更新。" />}
        <Layout.Content style={{ padding: phone ? 12 : 24 }}>
          <Suspense fallback={<Loading />}>
            <Outlet context={me.data} />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
