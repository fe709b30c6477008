import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, ok } from '../shared/api/client';
import { ApiProblem, messageOf } from '../shared/api/problem';
import { keys } from '../shared/api/queries';
import type { Me } from '../shared/api/views';
import { sessionStore } from '../shared/auth/session';
import { landingOf } from '../shared/workbenches';

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
}

export default function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const state = (location.state ?? {}) as { from?: string; expired?: boolean };

  const login = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const pair = await ok<TokenPair>(api.POST('/auth/login', { body: values }));
      sessionStore.set({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, accessTokenExpiresAt: pair.accessTokenExpiresAt });
      client.removeQueries();
      const me = await ok<Me>(api.GET('/auth/me'));
      client.setQueryData(keys.me, me);
      const back = state.from && state.from !== '/' && state.from !== '/login' ? state.from : null;
      navigate(back ?? landingOf(me.roles), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const locked = error instanceof ApiProblem && error.code === 'ACCESS.LOGIN_LOCKED';
  return (
    <div
      style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f5ff', padding: 16 }}
    >
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <SafetyCertificateOutlined style={{ fontSize: 40, color: '#1677ff' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            平安医院协同平台
          </Typography.Title>
          <Typography.Text type="secondary">涉医警情 · 案件 · 医疗纠纷 协同处置</Typography.Text>
        </div>
        {state.expired && !error && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="登录已过期，请重新登录。" />}
        {error !== null && (
          <Alert
            type={locked ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            message={messageOf(error)}
            description={locked ? '如忘记密码，请联系本单位系统管理员重置。' : undefined}
          />
        )}
        <Form layout="vertical" onFinish={login} requiredMark={false} size="large">
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
