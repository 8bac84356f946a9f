import { useParams } from 'react-router-dom';
import { Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../../../components/LoadError';
import { parseRouteId } from '../../../utils/url-query';
import { NotFoundPage } from '../../exception';
import { campaignKeys, fetchCampaign } from '../service';
import { CampaignForm } from './CampaignForm';

/** /campaigns/new and /campaigns/:id/edit. */
export default function CampaignEditPage() {
  const { id: rawId } = useParams();
  const id = rawId === undefined ? null : parseRouteId(rawId);
  const campaign = useQuery({
    queryKey: campaignKeys.detail(id ?? 0),
    queryFn: () => fetchCampaign(id!),
    enabled: id !== null,
  });
  if (rawId === undefined) return <CampaignForm campaign={null} />;
  if (id === null) return <NotFoundPage />;
  if (campaign.isError) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <CampaignForm key={campaign.data.id} campaign={campaign.data} />;
}
