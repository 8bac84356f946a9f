import { Empty, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatFen, type CampaignItemView, type CampaignView } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { isoToShanghai } from '../campaign-form';
import { campaignKeys, fetchCampaignPreview } from '../service';
import styles from './PhonePreview.module.css';

/** 预览: the campaign in a phone frame, drawn from GET /api/admin/campaigns/:id/preview as the buyer app shows it. */
export function PhonePreview({ campaignId }: { campaignId: number }) {
  const preview = useQuery({
    queryKey: campaignKeys.preview(campaignId),
    queryFn: () => fetchCampaignPreview(campaignId),
  });
  return (
    <div className={styles.phone} data-testid="campaign-preview">
      <div className={styles.notch} />
      <div className={styles.screen}>
        <div className={styles.navbar}>团购详情</div>
        {preview.isPending ? (
          <Spin style={{ display: 'block', marginTop: 120 }} />
        ) : preview.isError ? (
          <LoadError compact error={preview.error} onRetry={() => void preview.refetch()} />
        ) : (
          <CampaignScreen campaign={preview.data} />
        )}
      </div>
    </div>
  );
}

function CampaignScreen({ campaign }: { campaign: CampaignView }) {
  const cutoff = isoToShanghai(campaign.cutoffAt).format('M月D日 HH:mm');
  const pickup = isoToShanghai(`${campaign.pickupDate}T00:00:00+08:00`).format('M月D日');
  return (
    <div className={styles.scroll}>
      {campaign.coverUrl ? (
        <img className={styles.cover} src={campaign.coverUrl} alt="" />
      ) : (
        <div className={`${styles.cover} ${styles.coverEmpty}`}>邻里团购</div>
      )}
      <div className={styles.head}>
        <div className={styles.title} data-testid="preview-title">
          {campaign.title}
        </div>
        <div className={styles.meta}>
          <span className={styles.cutoff}>{cutoff} 截单</span>
          <span>{pickup} 自提</span>
          {campaign.soldQuantity > 0 && <span>已团 {campaign.soldQuantity} 件</span>}
        </div>
        {campaign.description && <div className={styles.desc}>{campaign.description}</div>}
      </div>
      {campaign.items.length === 0 ? (
        <Empty style={{ marginTop: 24 }} description="没有在售商品（未上架的商品不会展示）" />
      ) : (
        campaign.items.map((item) => <ItemCard key={item.id} item={item} />)
      )}
      <Typography.Text
        type="secondary"
        style={{ display: 'block', textAlign: 'center', fontSize: 11, padding: 12 }}
      >
        买家在所属团长处看到的样子
      </Typography.Text>
    </div>
  );
}

function ItemCard({ item }: { item: CampaignItemView }) {
  const soldOut = item.remaining === 0;
  return (
    <div className={styles.item} data-testid="preview-item">
      {item.imageUrl ? (
        <img className={styles.itemImage} src={item.imageUrl} alt="" />
      ) : (
        <div className={`${styles.itemImage} ${styles.coverEmpty}`} />
      )}
      <div className={styles.itemBody}>
        <div className={styles.itemName}>{item.productName}</div>
        <div className={styles.itemSpec}>{item.skuName}</div>
        <div className={styles.itemTags}>
          {item.perMemberLimit > 0 && <span className={styles.limit}>每人限购 {item.perMemberLimit}</span>}
          <span className={styles.sold}>已团 {item.soldQuantity}</span>
        </div>
        <div className={styles.priceRow}>
          <span className={styles.price} data-testid="preview-price">
            {formatFen(item.groupPrice)}
          </span>
          {item.originalPrice > item.groupPrice && (
            <span className={styles.original}>{formatFen(item.originalPrice)}</span>
          )}
          <span className={soldOut ? styles.buyDisabled : styles.buy}>{soldOut ? '已抢光' : '抢购'}</span>
        </div>
        {!soldOut && item.remaining <= 10 && <div className={styles.remaining}>仅剩 {item.remaining} 件</div>}
      </div>
    </div>
  );
}
