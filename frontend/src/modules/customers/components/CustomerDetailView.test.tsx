import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, stubGraphQL, testViewer, viewerAnswer, type GraphQLBody } from '@/test/graphql';
import { renderApp } from '@/test/renderApp';

afterEach(() => {
  vi.unstubAllGlobals();
});

const customer = {
  __typename: 'Customer',
  id: 'c-42',
  code: 'C330100000042',
  name: '张三',
  type: 'PUBLIC',
  status: 'ACTIVE',
  idNumber: '330***********1234',
  mobile: '138****5678',
  email: 'zhang@example.cn',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  address: '文三路 1 号',
  tags: ['宽带'],
  createdAt: '2025-01-02T03:04:05Z',
  updatedAt: '2025-02-03T04:05:06Z',
  owner: { id: 'u-2', displayName: '客户经理一' },
  team: { id: 't-1', name: '西湖营业部' },
};

function server(operations: string[], reveal: (body: GraphQLBody) => unknown = revealed) {
  return stubGraphQL((body) => {
    switch (body.operationName) {
      case 'Viewer':
        return viewerAnswer(testViewer({ roles: ['account_manager'], operations }));
      case 'CustomerDetail':
        return body.variables.id === 'c-42'
          ? { data: { node: customer } }
          : { ...errorAnswer('NOT_FOUND', 'customer not found'), data: { node: null } };
      case 'RevealCustomerPII':
        return reveal(body);
      default:
        return undefined;
    }
  });
}

function revealed() {
  return { data: { revealCustomerPII: { idNumber: '330106199001011234', mobile: '13812345678' } } };
}

const AM = ['Query.customers', 'Query.node', 'Mutation.revealCustomerPII'];

describe('CustomerDetailView', () => {
  it('shows the customer with masked numbers', async () => {
    server(AM);
    renderApp('/customers/c-42');
    expect(await screen.findByRole('heading', { name: '张三' })).toBeTruthy();
    expect(screen.getByTestId('customer-mobile').textContent).toBe('138****5678');
    expect(screen.getByTestId('customer-id-number').textContent).toBe('330***********1234');
    expect(screen.getByText('浙江省 杭州市 西湖区')).toBeTruthy();
    expect(screen.getByText('客户经理一')).toBeTruthy();
  });

  it('has no reveal action without Mutation.revealCustomerPII', async () => {
    server(['Query.customers', 'Query.node']);
    renderApp('/customers/c-42');
    await screen.findByRole('heading', { name: '张三' });
    expect(screen.queryByRole('button', { name: /显示/ })).toBeNull();
  });

  it('asks for a reason of at least 2 characters, then reveals both numbers', async () => {
    const calls = server(AM);
    renderApp('/customers/c-42');
    await screen.findByRole('heading', { name: '张三' });

    fireEvent.click(screen.getByTestId('customer-mobile-reveal'));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: '显示明文' });
    fireEvent.click(submit);
    expect(await within(dialog).findByText('请填写查看原因')).toBeTruthy();

    const reason = within(dialog).getByLabelText('查看原因');
    fireEvent.change(reason, { target: { value: ' 查 ' } });
    fireEvent.click(submit);
    expect(await within(dialog).findByText('原因至少 2 个字')).toBeTruthy();
    expect(calls.some((call) => call.operationName === 'RevealCustomerPII')).toBe(false);

    fireEvent.change(reason, { target: { value: ' 客户来电核实身份 ' } });
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByTestId('customer-mobile').textContent).toBe('13812345678'));
    expect(screen.getByTestId('customer-id-number').textContent).toBe('330106199001011234');
    expect(screen.getAllByText('已显示明文')).toHaveLength(2);
    expect(screen.queryByTestId('customer-mobile-reveal')).toBeNull();
    expect(calls.find((call) => call.operationName === 'RevealCustomerPII')?.variables).toEqual({
      id: 'c-42',
      reason: '客户来电核实身份',
    });
  });

  it('shows the server refusing a reveal in the dialog', async () => {
    server(AM, () => errorAnswer('FORBIDDEN', 'not allowed'));
    renderApp('/customers/c-42');
    await screen.findByRole('heading', { name: '张三' });
    fireEvent.click(screen.getByTestId('customer-id-number-reveal'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('查看原因'), { target: { value: '客户来电核实' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '显示明文' }));
    expect(await within(dialog).findByText('没有权限: not allowed')).toBeTruthy();
    expect(screen.getByTestId('customer-mobile').textContent).toBe('138****5678');
  });

  it('says so when the customer is not there for this viewer', async () => {
    server(AM);
    renderApp('/customers/c-404');
    expect(await screen.findByText('客户不存在，或不在你的查看范围内')).toBeTruthy();
  });

  it('is refused without Query.node', async () => {
    server(['Query.customers']);
    renderApp('/customers/c-42');
    expect(await screen.findByText('你没有权限访问此页面')).toBeTruthy();
  });
});
