import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

function BackHome() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')} data-testid="back-home">
      返回工作台
    </Button>
  );
}

export function ForbiddenPage() {
  return (
    <div data-testid="page-403">
      <Result
        status="403"
        title="403"
        subTitle="抱歉，您没有访问此页面的权限。如需开通，请联系管理员分配相应角色。"
        extra={<BackHome />}
      />
    </div>
  );
}

export function NotFoundPage() {
  return (
    <div data-testid="page-404">
      <Result
        status="404"
        title="404"
        subTitle="抱歉，您访问的页面不存在，可能已被移除或地址有误。"
        extra={<BackHome />}
      />
    </div>
  );
}
