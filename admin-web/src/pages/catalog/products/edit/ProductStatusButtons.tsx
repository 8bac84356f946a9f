import { App, Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProductDetail, ProductStatus } from '@linli/shared-types';
import { describeError } from '../../../../api';
import { usePermission } from '../../../../session/hooks';
import { catalogKeys, changeProductStatus, statusActionLabel } from '../../service';

/** 上架 / 下架 on the product page (a product needs an image to go on sale: the server says so). */
export function ProductStatusButtons({ product }: { product: ProductDetail }) {
  const canWrite = usePermission('catalog.write');
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const change = useMutation({
    mutationFn: (status: ProductStatus) => changeProductStatus(product.id, status),
    onSuccess: (saved, status) => {
      queryClient.setQueryData(catalogKeys.product(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      void message.success(`已${statusActionLabel(status)}`);
    },
    onError: (error) => modal.error({ title: '操作失败', content: describeError(error), okText: '知道了' }),
  });
  if (!canWrite) return null;
  return product.status === 'on_sale' ? (
    <Button
      danger
      loading={change.isPending}
      onClick={() => change.mutate('off_sale')}
      data-testid="product-detail-off-sale"
    >
      下架
    </Button>
  ) : (
    <Button
      loading={change.isPending}
      onClick={() => change.mutate('on_sale')}
      data-testid="product-detail-on-sale"
    >
      上架
    </Button>
  );
}
