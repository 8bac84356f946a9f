import { Col, Row } from 'antd';
import { useSession } from '../../session/hooks';
import { HealthCard } from './components/HealthCard';
import { PermissionsCard } from './components/PermissionsCard';
import { WelcomeCard } from './components/WelcomeCard';

export default function DashboardPage() {
  const session = useSession();
  if (!session) return null;
  const { staff } = session;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <WelcomeCard staff={staff} />
      </Col>
      <Col xs={24} xl={14}>
        <PermissionsCard permissions={staff.permissions} />
      </Col>
      <Col xs={24} xl={10}>
        <HealthCard />
      </Col>
    </Row>
  );
}
